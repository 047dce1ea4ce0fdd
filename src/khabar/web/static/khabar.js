// khabar: small progressive enhancements; every page works without this file.
"use strict";

document.addEventListener("keydown", (event) => {
  const box = document.getElementById("q");
  const typing = event.target instanceof HTMLElement && event.target.matches("input, textarea, select");
  if (event.key === "/" && box && !typing) {
    event.preventDefault();
    box.focus();
    box.select();
  }
});

document.addEventListener("DOMContentLoaded", () => {
  const site = document.getElementById("site");
  if (site && site.form) {
    site.addEventListener("change", () => site.form.requestSubmit());
  }
});
