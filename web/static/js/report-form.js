/* Progressive enhancement of the report form: a Leaflet map to place the pin, and photo previews.
   Without this script the form still works: the resident chooses a neighbourhood and describes the place. */
(function () {
  "use strict";
  var HAARLEM = [52.3812, 4.6368];

  function setupMap() {
    var el = document.getElementById("map");
    if (!el || !window.L) { return; }
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
    var marker = null;

    function place(latlng, announce) {
      if (!marker) {
        marker = L.marker(latlng, { draggable: true, keyboard: true, title: el.dataset.pinLabel, alt: el.dataset.pinLabel }).addTo(map);
        marker.on("dragend", function () { place(marker.getLatLng(), true); });
      } else {
        marker.setLatLng(latlng);
      }
      lat.value = latlng.lat.toFixed(6);
      lon.value = latlng.lng.toFixed(6);
      if (announce) { status.textContent = status.dataset.placed + " (" + lat.value + ", " + lon.value + ")"; }
    }

    if (lat.value && lon.value) {
      var start = L.latLng(parseFloat(lat.value), parseFloat(lon.value));
      place(start, false);
      map.setView(start, 17);
    }
    map.on("click", function (e) { place(e.latlng, true); });
    document.getElementById("pin-centre").addEventListener("click", function () { place(map.getCenter(), true); });
    document.getElementById("pin-clear").addEventListener("click", function () {
      if (marker) { map.removeLayer(marker); marker = null; }
      lat.value = ""; lon.value = "";
      status.textContent = status.dataset.none;
    });
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

  setupMap();
  setupPhotoPreview();
})();
