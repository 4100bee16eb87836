// Copy buttons of the console (manual messages, listing tables). Everything works without
// this file: the text areas can be selected and copied by hand.
document.addEventListener("click", function (event) {
  var button = event.target.closest(".copy-button");
  if (!button) return;
  var area = document.getElementById(button.dataset.copy);
  if (!area) return;
  area.select();
  var done = function () { button.textContent = "Copied"; };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(area.value).then(done, function () { document.execCommand("copy"); done(); });
  } else {
    document.execCommand("copy");
    done();
  }
});

// An htmx action the server refused (a date in the past, an alert already resolved): say why
// instead of silently doing nothing.
document.addEventListener("htmx:responseError", function (event) {
  var flash = document.getElementById("flash");
  if (!flash) return;
  var text = event.detail.xhr.responseText || "";
  try { text = JSON.parse(text).detail || text; } catch (e) { /* plain text */ }
  flash.textContent = text || ("The server answered " + event.detail.xhr.status);
  flash.hidden = false;
  flash.scrollIntoView({ block: "nearest" });
});
