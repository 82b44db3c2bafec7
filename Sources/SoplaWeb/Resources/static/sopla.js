// Small enhancements; every page works without them.
(function () {
  "use strict";
  // A click on a pickable map fills the latitude and longitude fields (inverse of the page's projection).
  document.querySelectorAll("svg.map.pickable").forEach(function (svg) {
    var lat = document.getElementById("lat"), lon = document.getElementById("lon");
    if (!lat || !lon) return;
    svg.addEventListener("click", function (event) {
      event.preventDefault();
      var point = svg.createSVGPoint();
      point.x = event.clientX; point.y = event.clientY;
      var local = point.matrixTransform(svg.getScreenCTM().inverse());
      var d = svg.dataset, padding = parseFloat(d.padding), scale = parseFloat(d.scale);
      var longitude = parseFloat(d.west) + (local.x - padding) / (parseFloat(d.xfactor) * scale);
      var latitude = parseFloat(d.north) - (local.y - padding) / scale;
      lat.value = latitude.toFixed(5);
      lon.value = longitude.toFixed(5);
      lat.dispatchEvent(new Event("change"));
    });
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
})();
