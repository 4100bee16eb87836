// ReDoc on the packaged standalone bundle (no CDN, no web fonts).
window.addEventListener("load", function () {
  var node = document.getElementById("redoc");
  Redoc.init(node.dataset.openapi, { disableSearch: false, hideDownloadButton: false }, node);
});
