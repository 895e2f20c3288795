/* The team's status form: "use this text" fills the message in place with the chosen standard text (already filled
   in for this report by the server) and chooses its status; without JavaScript the server does the same. */
(function () {
  "use strict";
  var button = document.getElementById("use-text");
  var select = document.getElementById("standard_text");
  var message = document.getElementById("message");
  var status = document.getElementById("status");
  var note = document.getElementById("use-text-note");
  if (!button || !select || !message) { return; }
  button.addEventListener("click", function (event) {
    var option = select.options[select.selectedIndex];
    if (!option || !option.value) { return; } // the server says to choose a text first
    event.preventDefault();
    message.value = option.dataset.body;
    if (status && option.dataset.status) { status.value = option.dataset.status; }
    if (note) { note.textContent = note.dataset.done; }
    message.focus();
  });
})();
