// handbok default theme: small progressive enhancements; every page works without it.
(function () {
  "use strict";
  // On narrow screens the section tree starts folded so that the page text comes first.
  var toggle = document.querySelector(".sidebar-toggle");
  if (toggle && window.matchMedia("(max-width: 60rem)").matches) {
    toggle.open = false;
  }
})();
