/* "Already reported?": when the pin is placed (report-form.js sends "pin-placed"), ask our server for open public
   reports nearby and list them with a link to follow one instead of reporting it again. Only category, status
   and buurt come back. Without this script the summary step shows the same list. */
(function () {
  "use strict";
  var map = document.getElementById("map"), box = document.getElementById("nearby-reports");
  if (!map || !box || !window.fetch) { return; }
  var asked = 0, timer = null;

  function show(items) {
    box.textContent = "";
    if (!items.length) { return; }
    var section = document.createElement("section");
    section.className = "panel already-reported";
    var heading = document.createElement("h2");
    heading.textContent = box.dataset.heading;
    var intro = document.createElement("p");
    intro.textContent = box.dataset.intro;
    var list = document.createElement("ul");
    list.className = "nearby-list";
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.appendChild(document.createTextNode([item.category, item.buurt].filter(Boolean).join(", ") + ": "));
      var badge = document.createElement("span");
      badge.className = "status-badge";
      badge.textContent = item.status_label;
      li.appendChild(badge);
      li.appendChild(document.createTextNode(" "));
      var link = document.createElement("a");
      link.href = item.follow_url;
      link.textContent = box.dataset.follow;
      var code = document.createElement("span");
      code.className = "visually-hidden";
      code.textContent = " " + item.code;
      link.appendChild(code);
      li.appendChild(link);
      list.appendChild(li);
    });
    section.appendChild(heading);
    section.appendChild(intro);
    section.appendChild(list);
    box.appendChild(section);
  }

  function ask(point) {
    var mine = ++asked;
    if (!point) { box.textContent = ""; return; }
    fetch(box.dataset.nearby + "?lat=" + encodeURIComponent(point.lat) + "&lon=" + encodeURIComponent(point.lon),
      { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (items) { if (mine === asked) { show(items); } })
      .catch(function () { /* the summary step shows the list too */ });
  }

  var lat = document.getElementById("lat"), lon = document.getElementById("lon");
  if (lat && lon && lat.value && lon.value) { ask({ lat: lat.value, lon: lon.value }); }
  map.addEventListener("pin-placed", function (e) {
    clearTimeout(timer);
    timer = setTimeout(function () { ask(e.detail); }, 300);
  });
})();
