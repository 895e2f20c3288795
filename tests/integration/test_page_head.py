"""Every page names itself to browsers and search engines: a favicon and a description."""


def test_pages_have_a_favicon_and_a_meta_description(client):
    page = client.get("/?lang=nl").get_data(as_text=True)

    assert '<link rel="icon" type="image/svg+xml" href="/static/favicon.svg">' in page
    assert '<meta name="description" content="Meld een probleem in de openbare ruimte van' in page
    icon = client.get("/static/favicon.svg")
    assert icon.status_code == 200 and icon.get_data().startswith(b"<svg")
    icon.close()
