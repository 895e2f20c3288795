/* One key to accept: "a" submits the accept form, unless the officer is typing in a field. */
(function () {
  "use strict";
  var form = document.getElementById("accept-form");
  if (!form) { return; }
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
    if (event.key === "a" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      form.submit();
    }
  });
})();
