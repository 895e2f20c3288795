/* The public map: the same open reports as the list beside it (GeoJSON from our own server), one marker each.
   Markers are keyboard-focusable (Tab, then Enter opens its popup); the list works without this script. */
(function () {
  "use strict";
  var el = document.getElementById("public-map");
  if (!el || !window.L || !window.fetch) { return; }
  document.querySelectorAll("[data-js-only]").forEach(function (node) { node.hidden = false; });
  var map = L.map(el, { center: [52.3812, 4.6368], zoom: 13, keyboard: true });
  if (el.dataset.tiles) {
    L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.attribution }).addTo(map);
  }
  var markers = L.featureGroup().addTo(map);

  function popup(properties) {
    var box = document.createElement("div");
    var title = document.createElement("strong");
    title.textContent = properties.category;
    box.appendChild(title);
    [properties.status_label, properties.buurt].forEach(function (text) {
      if (!text) { return; }
      var line = document.createElement("div");
      line.textContent = text;
      box.appendChild(line);
    });
    var link = document.createElement("a");
    link.href = properties.follow_url;
    link.textContent = el.dataset.follow;
    box.appendChild(link);
    return box;
  }

  fetch(el.dataset.reports, { headers: { Accept: "application/geo+json" } })
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (collection) {
      if (!collection) { return; }
      collection.features.forEach(function (feature) {
        var p = feature.properties, c = feature.geometry.coordinates;
        var label = [p.category, p.status_label, p.buurt].filter(Boolean).join(", ");
        L.marker([c[1], c[0]], { keyboard: true, title: label, alt: label }).bindPopup(popup(p)).addTo(markers);
      });
      if (collection.features.length) { map.fitBounds(markers.getBounds().pad(0.2), { maxZoom: 16 }); }
    }).catch(function () { /* the list beside the map shows the same reports */ });

  fetch(el.dataset.outline).then(function (r) { return r.ok ? r.json() : null; }).then(function (outline) {
    if (outline && outline.type === "Feature") {
      var layer = L.geoJSON(outline, { interactive: false, style: { color: "#b3003b", weight: 3, fill: false } }).addTo(map);
      if (!markers.getLayers().length) { map.fitBounds(layer.getBounds()); }
    }
  }).catch(function () { /* the outline is a help, not a need */ });
})();
