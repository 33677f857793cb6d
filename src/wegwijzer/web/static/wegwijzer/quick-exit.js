// Quick exit ("Snel weg"): leave this site at once, the way GOV.UK's "Exit this page" does.
// A click on the control, or Shift pressed three times within two seconds, first blanks
// the page (so nothing stays on screen while the next site loads), then replaces this
// page in the history with a neutral site, so Back does not return here.
// Without JavaScript the control is an ordinary link to the same neutral site.
(function () {
  "use strict";
  var control = document.querySelector("[data-quick-exit]");
  if (!control) { return; }
  var target = control.getAttribute("href");
  var shiftTimes = [];

  function leave(event) {
    if (event) { event.preventDefault(); }
    document.title = "";
    document.documentElement.classList.add("quick-exit-active");
    document.body.innerHTML = "";
    window.location.replace(target);
  }

  control.addEventListener("click", leave);
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { shiftTimes = []; return; }
    var now = Date.now();
    shiftTimes = shiftTimes.filter(function (t) { return now - t < 2000; });
    shiftTimes.push(now);
    if (shiftTimes.length >= 3) { leave(); }
  });
})();
