// Draws the plotly figures on the page: each [data-figure] names a JSON script holding its figure.
// A figure is drawn when it comes near the screen, and plotly.js (about 1 MB) is fetched only then:
// drawing every chart at load took over a second of main thread on a phone.
(function () {
  "use strict";
  var script = document.currentScript;
  var plotlySource = script.getAttribute("data-plotly");
  // Not plotly's own "responsive": after a resize it kept the old margins, so a legend that took
  // two rows on a phone covered the plot at desktop width. A resize redraws the chart from scratch.
  var config = { displayModeBar: false, displaylogo: false };
  var loading = null;

  function plotly() {
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        if (window.Plotly) { resolve(window.Plotly); return; }
        var tag = document.createElement("script");
        tag.src = plotlySource;
        tag.onload = function () { resolve(window.Plotly); };
        tag.onerror = reject;
        document.head.appendChild(tag);
      });
    }
    return loading;
  }

  function draw(element) {
    var source = document.getElementById(element.getAttribute("data-figure"));
    if (!source) return;
    plotly().then(function (Plotly) {
      var figure = JSON.parse(source.textContent);
      Plotly.purge(element);
      return Plotly.newPlot(element, figure.data, figure.layout, config);
    }).then(function () {
      element.setAttribute("data-drawn", element.clientWidth);
    });
  }

  var resizing = null;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      document.querySelectorAll("[data-figure][data-drawn]").forEach(function (element) {
        if (String(element.clientWidth) !== element.getAttribute("data-drawn")) draw(element);
      });
    }, 150);
  });

  var observer = "IntersectionObserver" in window ? new IntersectionObserver(function (entries) {
    entries.forEach(function (entry) {
      if (!entry.isIntersecting) return;
      observer.unobserve(entry.target);
      draw(entry.target);
    });
  }, { rootMargin: "300px 0px" }) : null;

  function watch(root) {
    root.querySelectorAll("[data-figure]").forEach(function (element) {
      if (observer) observer.observe(element); else draw(element);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { watch(document); });
  } else {
    watch(document);
  }
  document.addEventListener("htmx:afterSwap", function (event) { watch(event.target); });
})();
