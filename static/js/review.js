/* The review queue's keyboard: j/k next/previous, a approve, d decline (focuses the reason, or
   submits once one is chosen), x tick for bulk. No inline scripts (CSP). */
(function () {
  "use strict";
  function rows() { return Array.prototype.slice.call(document.querySelectorAll(".cl-review-row")); }
  var current = -1;
  function focus(i) {
    var list = rows();
    if (!list.length) { return; }
    current = Math.max(0, Math.min(list.length - 1, i));
    list.forEach(function (r, k) { r.classList.toggle("cl-current", k === current); });
    list[current].focus();
    list[current].scrollIntoView({ block: "nearest" });
  }
  function typing(target) {
    var tag = (target && target.tagName) || "";
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable);
  }
  document.addEventListener("DOMContentLoaded", function () {
    if (!rows().length) { return; }
    rows().forEach(function (r, k) { r.addEventListener("focus", function () { current = k; }); });
    document.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey) { return; }
      var row = rows()[current];
      if (typing(e.target)) {
        if (e.key === "Escape" && row) { focus(current); }
        if (e.key === "Enter" && e.target.tagName === "SELECT" && e.target.value && e.target.form) {
          e.preventDefault();
          e.target.form.requestSubmit();
        }
        return;
      }
      if (e.key === "j") { e.preventDefault(); focus(current + 1); }
      else if (e.key === "k") { e.preventDefault(); focus(current - 1); }
      else if (e.key === "a" && row) { e.preventDefault(); row.querySelector("form.cl-approve").requestSubmit(); }
      else if (e.key === "d" && row) {
        e.preventDefault();
        var form = row.querySelector("form.cl-decline");
        var reason = form.querySelector("select[name=reason]");
        if (reason.value) { form.requestSubmit(); } else { reason.focus(); }
      }
      else if (e.key === "x" && row) { e.preventDefault(); var t = row.querySelector(".cl-tick"); t.checked = !t.checked; }
    });
    focus(0);
  });
})();
