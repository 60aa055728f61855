// Small enhancements for every page; each works without it too.
(function () {
  "use strict";

  // "Copy link" buttons: data-copy names the input holding the link.
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button) return;
    var input = document.querySelector(button.getAttribute("data-copy"));
    var status = button.parentElement.querySelector("[data-copied]");
    input.select();
    var done = function () { if (status) status.textContent = "Copied"; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand("copy"); done(); });
    } else {
      document.execCommand("copy");
      done();
    }
  });

  // Questionnaire progress: how many of the seven steps have been looked at or answered.
  var form = document.querySelector("[data-progress]");
  if (form) {
    var steps = Array.prototype.slice.call(form.querySelectorAll("[data-step]"));
    var bar = form.querySelector("[data-progress-bar]");
    var text = form.querySelector("[data-progress-text]");
    var seen = new Set();
    var update = function () {
      bar.style.width = (100 * seen.size / steps.length) + "%";
      text.textContent = seen.size + " of " + steps.length + " steps answered";
    };
    form.addEventListener("focusin", function (event) {
      var step = event.target.closest("[data-step]");
      if (step) { seen.add(steps.indexOf(step)); update(); }
    });
    form.addEventListener("change", function (event) {
      var step = event.target.closest("[data-step]");
      if (step) { seen.add(steps.indexOf(step)); update(); }
    });
  }

  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();
})();
