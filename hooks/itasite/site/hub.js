/*
 * The hub's table (hooks/itasite/site/hub.py, templates/hub.html): find an agency by part of its name, district
 * or province, filter by province and kind, sort by any column. A file of its own, so the
 * Content-Security-Policy allows it without a hash; the table reads as it is without it. Nothing is fetched:
 * every row carries its names in both languages (data-search).
 */
"use strict"
document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector(".hub-filters"), body = document.querySelector(".hub-table tbody")
  var rows = Array.prototype.slice.call(body.rows)
  var agencies = rows.filter(function (row) { return !row.hasAttribute("data-national") })
  // Thai as people type it: marks above and below a letter in any order, ำ typed as ํ + า or before its tone
  // mark, spaces and dots anywhere; Latin letters in any case.
  function normal(text) {
    return text.normalize("NFC").toLowerCase()
      .replace(/\u0E4D\u0E32/g, "\u0E33")
      .replace(/\u0E33([\u0E48-\u0E4B])/g, "$1\u0E33")
      .replace(/[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]+/g, function (marks) { return marks.split("").sort().join("") })
      .replace(/[\s\u200B.,()\-]+/g, "")
  }
  agencies.forEach(function (row) { row.searchKey = normal(row.dataset.search || row.textContent) })
  form.hidden = false
  function filter() {
    var province = form.elements.province.value, kind = form.elements.kind.value, shown = 0
    var query = normal(form.elements.query.value)
    agencies.forEach(function (row) {
      var keep = (!province || row.dataset.province === province) && (!kind || row.dataset.kind === kind) &&
        row.searchKey.indexOf(query) !== -1
      row.hidden = !keep
      shown += keep
    })
    form.elements.shown.value = shown + " / " + agencies.length
  }
  form.addEventListener("change", filter)
  form.addEventListener("input", filter)
  form.addEventListener("submit", function (event) { event.preventDefault() })
  document.querySelectorAll(".hub-table thead th").forEach(function (heading, column) {
    var button = document.createElement("button")
    button.type = "button"
    button.textContent = heading.textContent
    heading.textContent = ""
    heading.appendChild(button)
    button.addEventListener("click", function () {
      var up = heading.getAttribute("aria-sort") !== "ascending"
      document.querySelectorAll(".hub-table thead th").forEach(function (other) { other.removeAttribute("aria-sort") })
      heading.setAttribute("aria-sort", up ? "ascending" : "descending")
      var number = heading.dataset.sort === "number"
      var key = function (row) {
        var text = row.cells[column].textContent.trim()
        return number ? parseFloat(text) || 0 : text
      }
      rows.sort(function (a, b) {
        var x = key(a), y = key(b)
        var order = number ? x - y : String(x).localeCompare(String(y), document.documentElement.lang)
        return up ? order : -order
      })
      rows.forEach(function (row) { body.appendChild(row) })
    })
  })
  filter()
})
