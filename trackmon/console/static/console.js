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
