/*
 * Thai queries for Material's search worker, and the index loaded by parts.
 *
 * The search index marks Thai word boundaries with U+200B at build time (hooks/itasite/search/thai.py), but a
 * visitor types Thai without spaces. This worker wraps Material's: it learns the Thai words of the site's
 * own index, and cuts every Thai run of a query into those words before Material sees it, so
 * "การจัดซื้อจัดจ้าง" is searched as +การ* +จัดซื้อ* +จัดจ้าง*. The rule is the one the index was cut with
 * (thai.py): fewest words, longer words first. The last piece may also be the start of a word, for a word
 * still being typed. The build prepends Material's worker as MATERIAL_WORKER and the index's folder as
 * SEARCH_FOLDER.
 *
 * Both engines the site builds with are served by this one file, which reads the protocol off each message
 * (see queryOf and withQuery): Material 9.x sends a query as {type: 2, data: "<query>"} and answers without
 * an id; MaterialX 10.x (the `forks` engine) sends {id, type: 2, data: {query}} and matches each answer to
 * its question by that id, which is kept on the message passed on.
 *
 * The index comes in parts (hooks/itasite/search/shards.py): search_index.json, which Material fetches when
 * search opens, holds only the list of shards. The first query loads the word list, the core shard and the
 * newest year whose titles, else whose text, hold the query's words (see wanted()), one more at most for each
 * later query the loaded years cannot answer (a few when the query names them by their titles); each
 * shard gets its word boundaries back with the same rule, and Material's worker is set up again with every
 * document loaded so far before it answers the query.
 */
"use strict"

var SETUP = 0
var READY = 1
var OWN_SETUP = "thai-query" // the id of our own set-ups, which MaterialX's worker echoes in its answer
var QUERY = 2
var TITLED_YEARS = 3 // years a query loads at once when only these have a page title holding its words
var THAI_RUN = /[\u0E00-\u0E7F]+/g
// Where a Thai run touches a letter or digit of another script (THAI_EDGE in thai.py)
var THAI_EDGE = /(?<=[^\s<>\u0E00-\u0E7F\u200b])(?=[\u0E00-\u0E7F])|(?<=[\u0E00-\u0E7F])(?=[^\s<>\u0E00-\u0E7F\u200b])/g
var WORD = /^[\u0E00-\u0E7F]+$/

var vocabulary = new Set()
var prefixes = new Set()
var longestWord = 0

/* Learn the Thai words of the index's word list (words.json) */
function learn(words) {
  for (var token of words)
    if (WORD.test(token) && !vocabulary.has(token)) {
      vocabulary.add(token)
      for (var end = 1; end < token.length; end++) prefixes.add(token.slice(0, end))
      if (token.length > longestWord) longestWord = token.length
    }
}

/* A shard's text with its word boundaries back, cut as the build cut them */
function mark(text) {
  return String(text).replace(THAI_RUN, function (run) { return segment(run).join("\u200b") }).replace(THAI_EDGE, "\u200b")
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

/* The words of a rewritten query, lower case, each saying whether it is required */
function queryTerms(query) {
  var terms = []
  for (var part of query.split(/[\s\-]+/)) { // split as the index's separator splits "E-Service"
    var required = part[0] === "+"
    var word = part.replace(/^[+-]/, "").replace(/\*$/, "").toLowerCase()
    if (word && part[0] !== "-") terms.push({ word: word, required: required })
  }
  return terms
}

/* Whether a shard's bit set over the word list holds a word beginning with each required term (and with
   one of the others, if there are only others) */
function holds(bits, terms, wordList) {
  var has = function (term) {
    for (var i = 0; i < wordList.length; i++)
      if ((bits[i >> 3] >> (i & 7)) & 1 && wordList[i].startsWith(term.word)) return true
    return false
  }
  var required = terms.filter(function (t) { return t.required }), optional = terms.filter(function (t) { return !t.required })
  return required.every(has) && (!optional.length || optional.some(has))
}

/* Whether one title (the numbers of its words in the word list) holds the query's words, as holds() */
function holdsAll(title, terms, wordList) {
  var has = function (term) {
    return title.some(function (i) { return wordList[i].startsWith(term.word) })
  }
  var required = terms.filter(function (t) { return t.required }), optional = terms.filter(function (t) { return !t.required })
  return required.every(has) && (!optional.length || optional.some(has))
}

/* The shards a query needs: the core, those loaded, and one more year only when the loaded years cannot answer
   it: every year with a page title that holds the query's words when at most TITLED_YEARS do, else the newest
   of them unless a loaded year has one; else the newest
   whose text does, unless a loaded year's text does; the newest year when nothing matches at all. So typing a
   query letter by letter loads a year only as the query narrows to it. */
function wanted(shards, terms, wordList, loaded, titles) {
  var years = shards.filter(function (s) { return s.name !== "core" })
  var have = years.filter(function (s) { return loaded[s.name] }), next = []
  var inTitles = function (s) {
    return (titles[s.name] || []).some(function (title) { return holdsAll(title, terms, wordList) })
  }
  var inText = function (s) { return holds(s.wordBits, terms, wordList) }
  var missing = years.filter(function (s) { return !loaded[s.name] })
  var titled = years.filter(inTitles)
  if (titled.length <= TITLED_YEARS) next = missing.filter(inTitles) // a query that names a few years loads them
  else if (!have.some(inTitles)) next = missing.filter(inTitles).slice(0, 1)
  if (!next.length && !have.some(inTitles) && !have.some(inText)) next = missing.filter(inText).slice(0, 1)
  if (!next.length && !have.length) next = years.slice(0, 1)
  return shards.filter(function (s) { return s.name === "core" || loaded[s.name] || next.indexOf(s) >= 0 })
}

/* The query a QUERY message carries: the data itself on Material 9.x, its `query` on MaterialX 10.x */
function queryOf(message) {
  return typeof message.data === "string" ? message.data : String((message.data && message.data.query) || "")
}

/* The same message (its id too, which MaterialX matches the answer by) asking `query` instead */
function withQuery(message, query) {
  var data = typeof message.data === "string" ? query : Object.assign({}, message.data, { query: query })
  return Object.assign({}, message, { data: data })
}

function bitsOf(base64) {
  var raw = atob(base64 || ""), bits = new Uint8Array(raw.length)
  for (var i = 0; i < raw.length; i++) bits[i] = raw.charCodeAt(i)
  return bits
}

/* Put this handler in front of Material's (only in a worker: tests load the functions above in a page).
   Material's worker is loaded with the first message, which comes with the index: a page whose reader never
   searches downloads neither. */
if (typeof importScripts === "function") {
  var listeners = null
  var setup = null, head = null, wordList = null, titleWords = null, loaded = {}, docs = [], settingUp = null
  /* A query waits for the index's list of shards: one typed while the index is still on its way would
     otherwise be answered from no documents at all */
  var indexKnown, queue = new Promise(function (resolve) { indexKnown = resolve })
  var addEventListenerOfWorker = self.addEventListener.bind(self)
  var postMessageOfWorker = self.postMessage.bind(self)
  var loadMaterial = function () {
    listeners = []
    self.addEventListener = function (type, listener, options) {
      if (type === "message") listeners.push(listener)
      else addEventListenerOfWorker(type, listener, options)
    }
    importScripts(MATERIAL_WORKER)
    self.addEventListener = addEventListenerOfWorker
  }
  /* Material's answer to a set-up of ours is not passed on: the page was told once that search is ready.
     Material 9.x answers with no id, MaterialX with ours, never with the page's own */
  self.postMessage = function (message) {
    if (settingUp && message && message.type === READY && (message.id === undefined || message.id === OWN_SETUP)) {
      var done = settingUp
      settingUp = null
      return done()
    }
    return postMessageOfWorker.apply(self, arguments)
  }
  var tell = function (message) {
    for (var i = 0; i < listeners.length; i++) listeners[i]({ data: message })
  }
  /* The word list and the shards are JSON in windows-874, a byte for each Thai letter (shards.py) */
  var thai = new TextDecoder("windows-874")
  var fetchJSON = function (name) {
    return fetch(SEARCH_FOLDER + name)
      .then(function (response) { return response.arrayBuffer() })
      .then(function (bytes) { return JSON.parse(thai.decode(bytes)) })
  }
  /* Load what the query needs that is not loaded yet, then set Material's worker up again with it all */
  var prepare = function (query) {
    if (!queryTerms(query).length) return Promise.resolve() // an empty query (search just opened) needs nothing
    var first = wordList ? Promise.resolve() : fetchJSON(head.words).then(function (words) {
      wordList = words.words
      titleWords = words.titles
      learn(wordList)
    })
    return first.then(function () {
      var missing = wanted(head.shards, queryTerms(rewrite(query)), wordList, loaded, titleWords).filter(function (s) { return !loaded[s.name] })
      if (!missing.length) return
      return Promise.all(missing.map(function (s) { return fetchJSON("shard-" + s.name + ".json") })).then(function (parts) {
        parts.forEach(function (part, i) {
          loaded[missing[i].name] = part.map(function (doc) {
            return Object.assign({}, doc, { title: mark(doc.title), text: mark(doc.text || "") })
          })
        })
        docs = [].concat.apply([], head.shards.map(function (s) { return loaded[s.name] || [] }))
        return new Promise(function (resolve) {
          settingUp = resolve
          tell({ id: OWN_SETUP, type: SETUP, data: Object.assign({}, setup, { docs: docs }) })
        })
      })
    })
  }
  addEventListenerOfWorker("message", function (ev) {
    if (!listeners) loadMaterial()
    var message = ev.data
    if (message && message.type === SETUP && message.data.config.shards) {
      setup = message.data
      head = message.data.config
      head.shards.forEach(function (s) {
        s.wordBits = bitsOf(s.words)
      })
    }
    if (message && message.type === QUERY) {
      var query = queryOf(message)
      queue = queue.then(function () { return head && prepare(query) }).catch(function (error) { console.warn(error) }).then(function () {
        tell(withQuery(message, rewrite(query)))
      })
      return
    }
    tell(message)
    if (message && message.type === SETUP) indexKnown() // after Material has the set-up it answers from
  })
}
