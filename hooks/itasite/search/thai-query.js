/*
 * Thai queries for Material's search worker.
 *
 * The search index marks Thai word boundaries with U+200B at build time (hooks/itasite/thai.py), but a
 * visitor types Thai without spaces. This worker wraps Material's: it learns the Thai words of the site's
 * own index when the index arrives, and cuts every Thai run of a query into those words before Material
 * sees it, so "การจัดซื้อจัดจ้าง" is searched as +การ* +จัดซื้อ* +จัดจ้าง*. The rule is the one the index
 * was cut with (hooks/itasite/thai.py): fewest words, longer words first. The last piece may also be the
 * start of a word, for a word still being typed. The build prepends Material's worker as MATERIAL_WORKER.
 */
"use strict"

var SETUP = 0
var QUERY = 2
var THAI_RUN = /[\u0E00-\u0E7F]+/g
var WORD = /^[\u0E00-\u0E7F]+$/

var vocabulary = new Set()
var prefixes = new Set()
var longestWord = 0

/* Collect the Thai words of every document in the index */
function learn(docs) {
  for (var d = 0; d < docs.length; d++)
    for (var field of [docs[d].title, docs[d].text])
      for (var token of String(field || "").split(/[\s\u200b<>\-,;:()"“”/|]+/))
        if (WORD.test(token) && !vocabulary.has(token)) {
          vocabulary.add(token)
          for (var end = 1; end < token.length; end++) prefixes.add(token.slice(0, end))
          if (token.length > longestWord) longestWord = token.length
        }
}

/* Fewer unknown letters, then fewer word starts, then fewer pieces, then longer pieces earlier */
function better(a, b) {
  if (a.unknown !== b.unknown) return a.unknown < b.unknown
  if (a.partial !== b.partial) return a.partial < b.partial
  if (a.pieces.length !== b.pieces.length) return a.pieces.length < b.pieces.length
  for (var i = 0; i < a.pieces.length; i++)
    if (a.pieces[i].length !== b.pieces[i].length) return a.pieces[i].length > b.pieces[i].length
  return false
}

/* Cut one Thai run into known words; letters that start no known word stay together as one piece */
function segment(run) {
  var best = [{ unknown: 0, partial: 0, pieces: [] }]
  for (var end = 1; end <= run.length; end++) {
    var choice = null
    for (var start = Math.max(0, end - longestWord); start < end; start++) {
      var before = best[start], piece = run.slice(start, end)
      var partial = end === run.length && !vocabulary.has(piece) && prefixes.has(piece)
      if (!vocabulary.has(piece) && !partial) continue
      var known = { unknown: before.unknown, partial: before.partial + partial, pieces: before.pieces.concat([piece]) }
      if (!choice || better(known, choice)) choice = known
    }
    var previous = best[end - 1]
    var pieces = previous.pieces.slice()
    var last = pieces.length && previous.tail ? pieces.pop() + run[end - 1] : run[end - 1]
    var unknown = { unknown: previous.unknown + 1, partial: previous.partial, pieces: pieces.concat([last]), tail: true }
    best[end] = !choice || better(unknown, choice) ? unknown : choice
  }
  return best[run.length].pieces
}

/* English words are stemmed in the index; Material adds a wildcard to each query word, which makes Lunr
   skip its stemmer, so stem them here: "complaints" becomes "complaint*" and finds "complaint" too */
function stem(word) {
  var lunr = self.lunr
  return lunr && lunr.stemmer ? lunr.stemmer(new lunr.Token(word.toLowerCase())).toString() : word
}

/* Rewrite a query: each Thai run that holds several words becomes required words with a trailing wildcard */
function rewrite(query) {
  return query
    .replace(THAI_RUN, function (run) {
      var pieces = segment(run)
      return pieces.length < 2 ? run : pieces.map(function (piece) { return "+" + piece + "*" }).join(" ")
    })
    .replace(/(^|\s)([A-Za-z]+)(?=\s|$)/g, function (match, space, word) { return space + stem(word) })
}

/* Put this handler in front of Material's (only in a worker: tests load the functions above in a page).
   Material's worker is loaded with the first message, which comes with the index: a page whose reader never
   searches downloads neither. */
if (typeof importScripts === "function") {
  var listeners = null
  var addEventListenerOfWorker = self.addEventListener.bind(self)
  var loadMaterial = function () {
    listeners = []
    self.addEventListener = function (type, listener, options) {
      if (type === "message") listeners.push(listener)
      else addEventListenerOfWorker(type, listener, options)
    }
    importScripts(MATERIAL_WORKER)
    self.addEventListener = addEventListenerOfWorker
  }
  addEventListenerOfWorker("message", function (ev) {
    if (!listeners) loadMaterial()
    var message = ev.data
    if (message && message.type === SETUP) learn(message.data.docs)
    if (message && message.type === QUERY) message = { type: QUERY, data: rewrite(message.data) }
    for (var i = 0; i < listeners.length; i++) listeners[i]({ data: message })
  })
}
