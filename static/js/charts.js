// Draws every plotly figure on the page: each [data-figure] names a JSON script holding the figure.
(function () {
  "use strict";
  var config = { displayModeBar: false, responsive: true, displaylogo: false };

  function draw(root) {
    root.querySelectorAll("[data-figure]").forEach(function (element) {
      var source = document.getElementById(element.getAttribute("data-figure"));
      if (!source || !window.Plotly) return;
      var figure = JSON.parse(source.textContent);
      window.Plotly.react(element, figure.data, figure.layout, config);
    });
  }

  document.addEventListener("DOMContentLoaded", function () { draw(document); });
  document.addEventListener("htmx:afterSwap", function (event) { draw(event.target); });
})();
