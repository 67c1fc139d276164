/*
 * Newsroom's search worker for Material for MkDocs 9.8.
 *
 * Material's header search box talks to a Web Worker whose URL is `search` in the page's
 * `__config` JSON. This worker speaks the same messages as Material's lunr worker, so the
 * search box, result list, keyboard handling and highlighting work unchanged:
 *
 *   page -> worker  {type: 0 (SETUP), data: {config, docs, options}}  (Material's
 *                   search_index.json: here only the site's few pages that are not articles)
 *   worker -> page  {type: 1 (READY)}
 *   page -> worker  {type: 2 (QUERY), data: "what the reader typed"}
 *   worker -> page  {type: 3 (RESULT), data: {items: [[item, ...], ...], suggest?: [...]}}
 *                   item: {location, title, text, tags, score, terms}; Material inserts
 *                   title, text and tags as HTML, so every value is escaped here.
 *
 * Articles are answered from the index that plugins/mkdocs_newsroom/search/ writes
 * (docs/search-format.md describes the files, the text rules and the ranking; the manifest
 * carries the tables and constants, so this file holds only the algorithm). The files are fetched
 * lazily, relative to this script: `../../search/newsroom/` by default, or the folder given
 * as `?index=<URL relative to this script>` on the worker's URL. Plain JavaScript, no
 * dependencies, no network but the site itself.
 */
"use strict"

/* Material's SearchMessageType */
const SETUP = 0
const READY = 1
const QUERY = 2
const RESULT = 3

const here = new URL(self.location.href)
const INDEX = new URL(here.searchParams.get("index") || "../../search/newsroom/", here)
const FORMAT = 2

const WORD = /[\p{L}\p{M}\p{N}]+/gu
const WORD_END = /[\p{L}\p{M}\p{N}]$/u
const ASCII_LETTERS = /^[a-z]+$/
/* Runs of text to highlight: words with what normalisation deletes inside them */
const DISPLAY_WORD = /[\p{L}\p{M}\p{N}\u00ad\u02bc\u200c-\u200f\u2018\u2019\ufeff']+/gu

let index = null /* Promise of the prepared manifest */
let pages = [] /* Material's documents */
let analysedPages = null
let suggest = false
let latest = 0 /* the number of the newest query: older ones are not answered */
const files = new Map() /* path -> Promise of parsed JSON */

/* ------------------------------------------------------------------------------------------
 * Text to terms: rules 1-6 of docs/search-format.md, with the tables from the manifest
 * ---------------------------------------------------------------------------------------- */

function prepare(manifest) {
  if (manifest.format !== FORMAT)
    throw new Error(`search index format ${manifest.format}, this worker reads ${FORMAT}`)
  const code = point => `\\u{${point.toString(16)}}`
  const text = manifest.text
  manifest.rules = {
    deleted: new RegExp(`[${text.deleted.map(([a, b]) => `${code(a)}-${code(b)}`).join("")}]`, "gu"),
    variants: new RegExp(`[${text.mapped.map(([from]) => code(from.codePointAt(0))).join("")}]`, "gu"),
    mapped: new Map(text.mapped),
    maxLength: text.max_term_length,
    plurals: text.plural_rules
  }
  manifest.digitValues = new Map([...manifest.digits].map((digit, value) => [digit, value]))
  return manifest
}

function normalize(text, rules) {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(rules.deleted, "")
    .replace(rules.variants, variant => rules.mapped.get(variant))
}

function length(text) {
  let count = 0
  for (const _ of text) count++
  return count
}

function tokenize(text, rules) {
  const words = []
  for (const [word] of normalize(text, rules).matchAll(WORD))
    if (length(word) <= rules.maxLength) words.push(word)
  return words
}

function stem(word, rules) {
  if (!ASCII_LETTERS.test(word)) return word
  for (const [suffix, replacement, minimum, notAfter] of rules.plurals)
    if (
      word.length >= minimum &&
      word.endsWith(suffix) &&
      !notAfter.includes(word[word.length - suffix.length - 1])
    )
      return word.slice(0, word.length - suffix.length) + replacement
  return word
}

const encoder = new TextEncoder()

/* FNV-1a over UTF-8, then MurmurHash3's finaliser: search/text.py's term_hash */
function hash(text) {
  let value = 0x811c9dc5
  for (const byte of encoder.encode(text)) value = Math.imul(value ^ byte, 0x01000193)
  value ^= value >>> 16
  value = Math.imul(value, 0x85ebca6b)
  value ^= value >>> 13
  value = Math.imul(value, 0xc2b2ae35)
  value ^= value >>> 16
  return value >>> 0
}

/* The words of a query: the last one is being typed unless the query ends outside a word */
function queryWords(query, manifest) {
  const rules = manifest.rules
  const tokens = tokenize(query, rules)
  const typing = WORD_END.test(normalize(query, rules))
  const words = []
  const seen = new Set()
  tokens.forEach((token, position) => {
    const last = position === tokens.length - 1
    const prefix =
      typing && last && length(token) >= manifest.query.prefix_length ? token : null
    const term = stem(token, rules)
    const key = `${term}\u0000${prefix}`
    if (!seen.has(key)) {
      seen.add(key)
      words.push({ label: token, term, prefix })
    }
  })
  return words
}

/* ------------------------------------------------------------------------------------------
 * Files
 * ---------------------------------------------------------------------------------------- */

function load(path, version) {
  let promise = files.get(path)
  if (!promise) {
    const url = new URL(path, INDEX)
    if (version) url.searchParams.set("v", version)
    promise = fetch(url, version ? {} : { cache: "no-cache" }).then(response => {
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${url}`)
      return response.json()
    })
    promise.catch(() => files.delete(path)) /* try again with the next query */
    files.set(path, promise)
  }
  return promise
}

function manifestPromise() {
  if (!index) {
    index = load("manifest.json").then(prepare)
    index.catch(() => (index = null))
  }
  return index
}

function prefixPath(prefix, manifest) {
  const start = Array.from(prefix).slice(0, manifest.query.prefix_length).join("")
  return `d/${hash(start) & (manifest.prefixes - 1)}.json`
}

/* A postings string: gap, impact, gap, impact... five bits a digit, lowest first; a digit
   of value 32 or more says more bits follow (search/codec.py; the digits come in the
   manifest) */
function decodeNumbers(text, digitValues) {
  const numbers = []
  let value = 0
  let shift = 0
  for (const digit of text) {
    const bits = digitValues.get(digit)
    value += (bits & 31) * 2 ** shift
    if (bits & 32) {
      shift += 5
    } else {
      numbers.push(value)
      value = 0
      shift = 0
    }
  }
  return numbers
}

function postingsPath(term, manifest) {
  return `p/${hash(term) & (manifest.postings - 1)}.json`
}

/* ------------------------------------------------------------------------------------------
 * Ranking: docs/search-format.md, "Ranking"
 * ---------------------------------------------------------------------------------------- */

function idf(count, frequency) {
  return Math.log(1 + (count - frequency + 0.5) / (frequency + 0.5))
}

function impact(count, wordCount, inTitle, ranking) {
  const norm = ranking.k1 * (1 - ranking.b + (ranking.b * wordCount) / ranking.length)
  const body = count ? (count * (ranking.k1 + 1)) / (count + norm) : 0
  const weight = body + (inTitle ? ranking.title : 0)
  return Math.min(255, Math.max(1, Math.floor(weight * ranking.scale + 0.5)))
}

function compare(a, b) {
  return b.matched - a.matched || b.score - a.score || b.order - a.order
}

/* ------------------------------------------------------------------------------------------
 * HTML
 * ---------------------------------------------------------------------------------------- */

const ESCAPES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }

function escapeHTML(text) {
  return String(text).replace(/[&<>"']/g, character => ESCAPES[character])
}

const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" }

function plainText(html) {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, name) => {
      if (name[0] !== "#") return ENTITIES[name.toLowerCase()] ?? entity
      const point = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : +name.slice(1)
      const scalar = point > 0 && point <= 0x10ffff && (point < 0xd800 || point > 0xdfff)
      return scalar ? String.fromCodePoint(point) : entity
    })
    .replace(/\s+/g, " ")
    .trim()
}

function teaser(text, size) {
  if (text.length <= size) return text
  let cut = text.lastIndexOf(" ", size)
  if (cut < size / 2) cut = size
  if (/[\ud800-\udbff]/.test(text[cut - 1])) cut-- // never half of a character
  return `${text.slice(0, cut).replace(/[ ,;:.\-\u2013\u2014]+$/, "")}\u2026`
}

/* The teaser of a page: from a little before its first marked word */
function teaserAround(text, marked, rules, size) {
  for (const match of text.matchAll(DISPLAY_WORD)) {
    if (!tokenize(match[0], rules).some(word => marked.has(stem(word, rules)))) continue
    if (match.index + match[0].length <= size) break
    const start = text.lastIndexOf(" ", match.index - size / 4)
    return `\u2026${teaser(text.slice(start + 1), size)}`
  }
  return teaser(text, size)
}

/* Escape `text` and mark the words whose terms are in `marked` */
function highlight(text, marked, rules) {
  let html = ""
  let at = 0
  for (const match of text.matchAll(DISPLAY_WORD)) {
    const words = tokenize(match[0], rules)
    if (words.some(word => marked.has(stem(word, rules)))) {
      html += `${escapeHTML(text.slice(at, match.index))}<mark>${escapeHTML(match[0])}</mark>`
      at = match.index + match[0].length
    }
  }
  return html + escapeHTML(text.slice(at))
}

function language(html, lang) {
  return lang ? `<span lang="${escapeHTML(lang)}" dir="auto">${html}</span>` : html
}

/* ------------------------------------------------------------------------------------------
 * The site's other pages (Material's documents): a scan
 * ---------------------------------------------------------------------------------------- */

function analysePages(manifest) {
  if (analysedPages) return analysedPages
  analysedPages = pages.map((doc, order) => {
    const title = plainText(String(doc.title ?? ""))
    const text = plainText(String(doc.text ?? ""))
    const counts = new Map()
    const words = tokenize(text, manifest.rules)
    for (const tag of doc.tags ?? []) words.push(...tokenize(String(tag), manifest.rules))
    for (const word of words) {
      const term = stem(word, manifest.rules)
      counts.set(term, (counts.get(term) ?? 0) + 1)
    }
    const titleTerms = new Set(tokenize(title, manifest.rules).map(w => stem(w, manifest.rules)))
    for (const term of titleTerms) if (!counts.has(term)) counts.set(term, 0)
    return { doc, order, title, text, counts, titleTerms, wordCount: words.length }
  })
  return analysedPages
}

function scorePages(words, frequency, manifest) {
  const found = []
  for (const page of analysePages(manifest)) {
    let score = 0
    let matched = 0
    const terms = {}
    const marked = new Set()
    for (const word of words) {
      let best = 0
      for (const [term, count] of page.counts) {
        const weight =
          term === word.term
            ? 1
            : word.prefix !== null && term.startsWith(word.prefix)
              ? manifest.query.prefix_weight
              : 0
        if (!weight) continue
        const value =
          weight *
          idf(manifest.documents, frequency.get(term) ?? 0) *
          impact(count, page.wordCount, page.titleTerms.has(term), manifest.ranking)
        if (value > best) best = value
        marked.add(term)
      }
      terms[word.label] = best > 0
      if (best > 0) {
        score += best
        matched++
      }
    }
    if (matched) found.push({ page, score, matched, order: -1 - page.order, terms, marked })
  }
  return found
}

function pageItem({ page, score, terms, marked }, manifest) {
  const doc = page.doc
  return {
    location: doc.location,
    // Material's titles are HTML: a page's own title is as its front matter wrote it
    title: escapeHTML(plainText(String(doc.title ?? ""))),
    text: `<p>${highlight(
      teaserAround(page.text, marked, manifest.rules, manifest.query.snippet),
      marked,
      manifest.rules
    )}</p>`,
    tags: (doc.tags ?? []).map(tag => escapeHTML(tag)),
    score,
    terms
  }
}

/* ------------------------------------------------------------------------------------------
 * Search
 * ---------------------------------------------------------------------------------------- */

async function search(query, number) {
  const manifest = await manifestPromise()
  const words = queryWords(query, manifest)
  if (!words.length) return { items: [] }
  const settings = manifest.query
  const version = manifest.version

  /* Fetch the words' own postings while the completions are looked up */
  for (const word of words) load(postingsPath(word.term, manifest), version).catch(() => {})

  /* The word being typed: its completions, most frequent first */
  const candidates = await Promise.all(
    words.map(async word => {
      const weights = new Map([[word.term, 1]])
      if (word.prefix !== null) {
        const known = await load(prefixPath(word.prefix, manifest), version)
        const completions = Object.keys(known)
          .filter(term => term.startsWith(word.prefix) && term !== word.term)
          .sort(
            (a, b) =>
              known[b] - known[a] || length(a) - length(b) || (a < b ? -1 : a > b ? 1 : 0)
          )
        for (const term of completions.slice(0, settings.expansions))
          weights.set(term, settings.prefix_weight)
      }
      return weights
    })
  )
  if (number !== latest) return null

  /* Postings of every candidate term */
  const paths = new Set()
  for (const weights of candidates)
    for (const term of weights.keys()) paths.add(postingsPath(term, manifest))
  const shards = new Map(
    await Promise.all([...paths].map(async path => [path, await load(path, version)]))
  )
  if (number !== latest) return null

  const frequency = new Map()
  const scores = new Map()
  const matched = new Map()
  const perWord = []
  const marked = new Set()
  for (const weights of candidates) {
    const best = new Map()
    for (const [term, weight] of weights) {
      const shard = shards.get(postingsPath(term, manifest))
      if (!Object.hasOwn(shard, term)) continue
      const numbers = decodeNumbers(shard[term], manifest.digitValues)
      const documents = numbers.length / 2
      frequency.set(term, documents)
      marked.add(term)
      const weightIdf = weight * idf(manifest.documents, documents)
      let id = 0
      for (let i = 0; i < numbers.length; i += 2) {
        id += numbers[i]
        const value = weightIdf * numbers[i + 1]
        if (value > (best.get(id) ?? 0)) best.set(id, value)
      }
    }
    for (const [id, value] of best) {
      scores.set(id, (scores.get(id) ?? 0) + value)
      matched.set(id, (matched.get(id) ?? 0) + 1)
    }
    perWord.push(best)
  }

  /* The best articles, and the pages, in one ranking */
  const articles = [...scores.keys()]
    .map(id => ({ id, score: scores.get(id), matched: matched.get(id), order: id }))
    .sort(compare)
    .slice(0, settings.results)
  const others = scorePages(words, frequency, manifest)
  const ranked = [...articles, ...others].sort(compare)

  /* Metadata of the articles shown */
  const chunks = new Map()
  for (const { id } of articles) {
    const path = `m/${Math.floor(id / manifest.chunk)}.json`
    if (!chunks.has(path)) chunks.set(path, load(path, version))
  }
  for (const [path, promise] of chunks) chunks.set(path, await promise)
  if (number !== latest) return null

  const groups = new Map()
  for (const result of ranked) {
    if (result.page) {
      const location = result.page.doc.location
      const parent = location.split("#")[0]
      if (!groups.has(parent)) groups.set(parent, [])
      groups.get(parent).push(pageItem(result, manifest))
      continue
    }
    const record = chunks.get(`m/${Math.floor(result.id / manifest.chunk)}.json`)[
      result.id % manifest.chunk
    ]
    if (!record) continue
    const [url, title, tags, text, lang] = record
    const terms = {}
    words.forEach((word, w) => (terms[word.label] = perWord[w].has(result.id)))
    groups.set(`\u0000${url}`, [
      {
        location: url,
        title: language(highlight(title, marked, manifest.rules), lang),
        text: text ? `<p>${language(highlight(text, marked, manifest.rules), lang)}</p>` : "",
        tags: tags.map(tag => escapeHTML(tag)),
        score: result.score,
        terms
      }
    ])
  }

  /* Material expects each page's own document in its group, first */
  for (const [parent, items] of groups) {
    if (parent.startsWith("\u0000")) continue
    if (!items.some(item => item.location === parent)) {
      const page = analysePages(manifest).find(p => p.doc.location === parent)
      if (page)
        items.unshift({ ...pageItem({ page, score: 0, terms: {}, marked }, manifest), text: "" })
    }
  }

  const result = { items: [...groups.values()] }
  if (suggest) {
    const typed = words[words.length - 1]
    const completions = typed.prefix !== null ? [...candidates[candidates.length - 1].keys()] : []
    result.suggest = completions.length > 1 ? [completions[1]] : []
  }
  return result
}

/* ------------------------------------------------------------------------------------------
 * Messages
 * ---------------------------------------------------------------------------------------- */

async function handle(message) {
  switch (message.type) {
    case SETUP:
      pages = Array.isArray(message.data?.docs) ? message.data.docs : []
      analysedPages = null
      suggest = Boolean(message.data?.options?.suggest)
      manifestPromise().catch(error => console.warn("newsroom search:", error))
      return { type: READY }
    case QUERY: {
      const number = ++latest
      try {
        const data = await search(String(message.data ?? ""), number)
        return data && number === latest ? { type: RESULT, data } : null
      } catch (error) {
        console.warn("newsroom search:", error)
        return number === latest ? { type: RESULT, data: { items: [] } } : null
      }
    }
    default:
      return null
  }
}

if (typeof WorkerGlobalScope !== "undefined" && self instanceof WorkerGlobalScope)
  self.addEventListener("message", async event => {
    const answer = await handle(event.data)
    if (answer) self.postMessage(answer)
  })

/* For tests: the same functions, usable from a page that loads this file as a script */
self.newsroomSearch = { prepare, normalize, tokenize, stem, hash, queryWords, handle }
