/* The report's pin and earlier reports nearby on a small map; one key to accept. */
(function () {
  "use strict";
  var mapElement = document.getElementById("report-map");
  if (mapElement && window.L) {
    var pin = mapElement.dataset.pin.split(",").map(Number);
    var map = L.map(mapElement, { center: pin, zoom: 18, keyboard: false, scrollWheelZoom: false });
    if (mapElement.dataset.tiles) {
      L.tileLayer(mapElement.dataset.tiles, { maxZoom: 19, attribution: mapElement.dataset.attribution }).addTo(map);
    }
    L.circle(pin, { radius: 50, color: "#4a4a4a", weight: 1, fill: false, interactive: false }).addTo(map);
    L.circleMarker(pin, { radius: 9, color: "#b3003b", weight: 3, fillOpacity: 0.9, interactive: false }).addTo(map);
    (mapElement.dataset.others || "").split(";").filter(Boolean).forEach(function (pair) {
      L.circleMarker(pair.split(",").map(Number), { radius: 6, color: "#0b4f9c", weight: 2, interactive: false }).addTo(map);
    });
  }
  var form = document.getElementById("accept-form");
  if (!form) { return; }
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
    if (event.key === "a" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      form.submit();
    }
  });
})();
