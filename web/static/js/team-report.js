/* The team's report page: the report's pin on a small map (the address line above says the same in words). */
(function () {
  "use strict";
  var element = document.getElementById("report-map");
  if (!element || !window.L || !element.dataset.pin) { return; }
  var pin = element.dataset.pin.split(",").map(Number);
  var map = L.map(element, { center: pin, zoom: 17, keyboard: false, scrollWheelZoom: false });
  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, { maxZoom: 19, attribution: element.dataset.attribution }).addTo(map);
  }
  L.circleMarker(pin, { radius: 9, color: "#b3003b", weight: 3, fillOpacity: 0.9, interactive: false }).addTo(map);
})();
