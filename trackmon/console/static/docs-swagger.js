// Swagger UI on the packaged bundle (no CDN); the spec URL comes from the page.
window.addEventListener("load", function () {
  var node = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: node.dataset.openapi, dom_id: "#swagger-ui", deepLinking: true,
    presets: [SwaggerUIBundle.presets.apis], layout: "BaseLayout",
    validatorUrl: null, oauth2RedirectUrl: window.location.origin + "/static/vendor/swagger-ui/oauth2-redirect.html"
  });
});
