/* The match page marks itself read once it is shown: one POST (with the form's CSRF token) to the
   "Mark as read" form's action, so that the page's GET never changes state. Without JavaScript the
   button does the same. No inline scripts (CSP). */
(function () {
  "use strict";
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.getElementById("cl-mark-read");
    if (!form || !window.fetch) { return; }
    fetch(form.action, {
      method: "POST", body: new FormData(form), credentials: "same-origin",
      headers: { "X-Requested-With": "fetch" }
    }).then(function (response) {
      // d-flex would win over the hidden attribute
      if (response.ok) { form.classList.remove("d-flex"); form.hidden = true; form.dataset.read = "1"; }
    }).catch(function () { /* the button stays: the reader can still mark it read */ });
  });
})();
