/* The work list on a map: one marker per report, coloured and titled by its timer (the table says the same). */
(function () {
  "use strict";
  var element = document.getElementById("list-map");
  if (!element || !window.L || !element.dataset.points) { return; }
  var colours = { ok: "#1d4d1d", soon: "#5c4200", overdue: "#b00020", paused: "#4a4a4a", none: "#4a4a4a", reopen: "#0b4f9c" };
  var map = L.map(element, { keyboard: false, scrollWheelZoom: false });
  if (element.dataset.tiles) {
    L.tileLayer(element.dataset.tiles, { maxZoom: 19, attribution: element.dataset.attribution }).addTo(map);
  }
  var points = element.dataset.points.split(";").map(function (item) {
    var parts = item.split(",");
    var latlng = [Number(parts[0]), Number(parts[1])];
    L.circleMarker(latlng, { radius: 7, color: colours[parts[3]] || "#4a4a4a", weight: 3 })
      .bindTooltip(parts[2]).addTo(map);
    return latlng;
  });
  map.fitBounds(points, { padding: [20, 20], maxZoom: 17 });
})();
