// Swagger UI for /api/docs, drawn into the site's own page (templates/api/docs.html).
(function () {
  "use strict";
  var holder = document.querySelector(".api-docs");
  var settings = JSON.parse(document.getElementById("swagger-settings").textContent);
  settings.dom_id = "#swagger-ui";
  settings.presets = [SwaggerUIBundle.presets.apis];
  if (holder.dataset.apiCsrf && holder.dataset.csrfToken) {
    settings.requestInterceptor = function (request) {
      request.headers["X-CSRFToken"] = holder.dataset.csrfToken;
      return request;
    };
  }
  SwaggerUIBundle(settings);
  // Examples and answers scroll sideways on a phone: each such block takes the focus, so the keyboard can scroll it.
  var ui = document.getElementById("swagger-ui");
  new MutationObserver(function () {
    ui.querySelectorAll("pre:not([tabindex])").forEach(function (block) { block.setAttribute("tabindex", "0"); });
  }).observe(ui, { childList: true, subtree: true });
})();
