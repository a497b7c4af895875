/*
 * The hub's table (hooks/itasite/site/hub.py, templates/hub.html): filter by province and kind, sort by any
 * column. A file of its own, so the Content-Security-Policy allows it without a hash; the table reads as it
 * is without it.
 */
"use strict"
document.addEventListener("DOMContentLoaded", function () {
  var form = document.querySelector(".hub-filters"), body = document.querySelector(".hub-table tbody")
  var rows = Array.prototype.slice.call(body.rows)
  form.hidden = false
  function filter() {
    var province = form.elements.province.value, kind = form.elements.kind.value, shown = 0
    rows.forEach(function (row) {
      var keep = (!province || row.dataset.province === province) && (!kind || row.dataset.kind === kind)
      row.hidden = !keep
      shown += keep
    })
    form.elements.shown.value = shown + " / " + rows.length
  }
  form.addEventListener("change", filter)
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
