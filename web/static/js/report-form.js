/* Progressive enhancement of the report form: a Leaflet map to place the pin, address search with suggestions,
   "use my location", and photo previews. Without this script the form still works: the address field is plain
   text the server resolves, or the resident chooses a neighbourhood and describes the place.
   Every look-up goes to our own server (/adres/...), never to an outside host. */
(function () {
  "use strict";
  var HAARLEM = [52.3812, 4.6368];

  function setupMap() {
    var el = document.getElementById("map");
    if (!el || !window.L) { return null; }
    document.querySelectorAll("[data-js-only]").forEach(function (node) { node.hidden = false; });
    var lat = document.getElementById("lat"), lon = document.getElementById("lon");
    var status = document.getElementById("pin-status");
    var map = L.map(el, { center: HAARLEM, zoom: 13, keyboard: true });
    if (el.dataset.tiles) {
      L.tileLayer(el.dataset.tiles, { maxZoom: 19, attribution: el.dataset.attribution }).addTo(map);
    }
    fetch(el.dataset.outline).then(function (r) { return r.ok ? r.json() : null; }).then(function (outline) {
      if (outline && outline.type === "Feature") {
        var layer = L.geoJSON(outline, { interactive: false, style: { color: "#b3003b", weight: 3, fill: false } }).addTo(map);
        if (!marker) { map.fitBounds(layer.getBounds()); }
      }
    }).catch(function () { /* the outline is a help, not a need */ });
    var marker = null, moved = null;

    function place(latlng, announce) {
      if (!marker) {
        marker = L.marker(latlng, { draggable: true, keyboard: true, title: el.dataset.pinLabel, alt: el.dataset.pinLabel }).addTo(map);
        marker.on("dragend", function () { place(marker.getLatLng(), true); if (moved) { moved(marker.getLatLng()); } });
      } else {
        marker.setLatLng(latlng);
      }
      lat.value = latlng.lat.toFixed(6);
      lon.value = latlng.lng.toFixed(6);
      el.dispatchEvent(new CustomEvent("pin-placed", { detail: { lat: lat.value, lon: lon.value } }));
      if (announce) { status.textContent = status.dataset.placed + " (" + lat.value + ", " + lon.value + ")"; }
    }

    if (lat.value && lon.value) {
      var start = L.latLng(parseFloat(lat.value), parseFloat(lon.value));
      place(start, false);
      map.setView(start, 17);
    }
    map.on("click", function (e) { place(e.latlng, true); if (moved) { moved(e.latlng); } });
    document.getElementById("pin-centre").addEventListener("click", function () {
      place(map.getCenter(), true);
      if (moved) { moved(map.getCenter()); }
    });
    document.getElementById("pin-clear").addEventListener("click", function () {
      if (marker) { map.removeLayer(marker); marker = null; }
      lat.value = ""; lon.value = "";
      el.dispatchEvent(new CustomEvent("pin-placed", { detail: null }));
      status.textContent = status.dataset.none;
    });
    return {
      moveTo: function (latlng) { place(latlng, true); map.setView(latlng, 18); },
      onMoved: function (listener) { moved = listener; }
    };
  }

  /* The address field as an ARIA 1.2 combobox: suggestions as you type, arrows to move, Enter to pick, Escape
     to close. Picking places the pin on the address; a pin placed by hand forgets the chosen address. */
  function setupAddressSearch(pin) {
    var input = document.getElementById("address_query");
    var list = document.getElementById("address-suggestions");
    var chosenId = document.getElementById("address_id");
    var live = document.getElementById("address-status");
    if (!input || !list || !pin || !window.fetch) { return; }
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);
    var options = [], active = -1, timer = null, asked = 0;

    function close() {
      list.hidden = true; list.textContent = ""; options = []; active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function highlight(index) {
      options.forEach(function (option, i) { option.node.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].node.id);
        options[index].node.scrollIntoView({ block: "nearest" });
      } else { input.removeAttribute("aria-activedescendant"); }
    }
    function show(items) {
      close();
      if (!items.length) { live.textContent = input.dataset.none; return; }
      items.forEach(function (item, i) {
        var node = document.createElement("li");
        node.id = "address-option-" + i;
        node.setAttribute("role", "option");
        node.setAttribute("aria-selected", "false");
        node.textContent = item.label;
        node.addEventListener("mousedown", function (e) { e.preventDefault(); choose(i); });
        list.appendChild(node);
        options.push({ node: node, item: item });
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      live.textContent = input.dataset.count.replace("{n}", items.length);
    }
    function choose(index) {
      var item = options[index].item;
      input.value = item.label;
      chosenId.value = item.id;
      close();
      fetch(input.dataset.lookup.replace("ID", encodeURIComponent(item.id)), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.status === 200 ? r.json() : null; })
        .then(function (found) {
          if (!found) { return; }
          pin.moveTo(L.latLng(found.lat, found.lon));
          chosenId.value = found.id;
          live.textContent = input.dataset.found.replace("{address}", found.label);
        }).catch(function () { /* the pin can still be placed by hand */ });
    }
    function search() {
      var text = input.value.trim(), mine = ++asked;
      if (text.length < 2) { close(); return; }
      fetch(input.dataset.search + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (items) { if (mine === asked) { show(items); } })
        .catch(function () { close(); });
    }
    input.addEventListener("input", function () {
      chosenId.value = "";
      clearTimeout(timer);
      timer = setTimeout(search, 250);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" && options.length) { e.preventDefault(); highlight((active + 1) % options.length); }
      else if (e.key === "ArrowUp" && options.length) { e.preventDefault(); highlight(active <= 0 ? options.length - 1 : active - 1); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); choose(active); }
      else if (e.key === "Escape" && !list.hidden) { e.preventDefault(); close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 150); });
    pin.onMoved(function (latlng) { showNearest(latlng); });

    /* A pin placed by hand: show the nearest address in the field, so the resident sees where the pin is. */
    function showNearest(latlng) {
      chosenId.value = "";
      fetch(input.dataset.nearest + "?lat=" + latlng.lat.toFixed(6) + "&lon=" + latlng.lng.toFixed(6))
        .then(function (r) { return r.status === 200 ? r.json() : null; })
        .then(function (found) {
          if (found) { input.value = found.label; live.textContent = input.dataset.found.replace("{address}", found.label); }
        }).catch(function () { /* no address shown; the pin is what counts */ });
    }

    var here = document.getElementById("use-my-location");
    if (here && navigator.geolocation) {
      document.querySelectorAll("[data-geolocation]").forEach(function (node) { node.hidden = false; });
      here.addEventListener("click", function () {
        live.textContent = here.dataset.busy;
        navigator.geolocation.getCurrentPosition(function (position) {
          var latlng = L.latLng(position.coords.latitude, position.coords.longitude);
          pin.moveTo(latlng);
          showNearest(latlng);
        }, function () { live.textContent = here.dataset.failed; }, { enableHighAccuracy: true, timeout: 10000 });
      });
    }
  }

  function setupPhotoPreview() {
    var input = document.getElementById("photos"), preview = document.getElementById("photo-preview");
    if (!input || !preview || !window.URL) { return; }
    input.addEventListener("change", function () {
      preview.textContent = "";
      var max = parseInt(input.dataset.max, 10);
      if (input.files.length > max) {
        var warning = document.createElement("p");
        warning.className = "field-error";
        warning.textContent = input.dataset.tooMany;
        preview.appendChild(warning);
      }
      Array.prototype.forEach.call(input.files, function (file, index) {
        if (!/^image\//.test(file.type)) { return; }
        var img = document.createElement("img");
        img.src = URL.createObjectURL(file);
        img.alt = file.name;
        img.width = 120;
        img.onload = function () { URL.revokeObjectURL(img.src); };
        preview.appendChild(img);
      });
    });
  }

  setupAddressSearch(setupMap());
  setupPhotoPreview();
})();
