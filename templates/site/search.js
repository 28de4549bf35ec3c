// Offline search over search-index.js: diacritic-insensitive, so "chuyen doi so" finds
// "chuyển đổi số". The index holds each document's words already folded the same way.
(function () {
  "use strict";
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  }
  function terms(query) {
    return fold(query).split(/[^0-9a-z]+/).filter(function (t) { return t.length > 0; });
  }
  function search(query) {
    var wanted = terms(query);
    if (wanted.length === 0) return [];
    var hits = [];
    (window.VANBAN_SEARCH || []).forEach(function (doc) {
      var words = " " + doc.w + " ";
      var title = " " + doc.k + " ";
      var score = 0;
      for (var i = 0; i < wanted.length; i++) {
        var t = " " + wanted[i];
        if (words.indexOf(t) < 0) return;
        score += title.indexOf(t) >= 0 ? 10 : 1;
      }
      if (title.indexOf(" " + wanted.join(" ")) >= 0) score += 100;
      hits.push({ doc: doc, score: score });
    });
    hits.sort(function (a, b) { return b.score - a.score || (a.doc.t < b.doc.t ? -1 : 1); });
    return hits.map(function (h) { return h.doc; });
  }
  function show() {
    var params = new URLSearchParams(window.location.search);
    var query = params.get("q") || "";
    var input = document.getElementById("tu-khoa");
    var list = document.getElementById("ket-qua");
    var count = document.getElementById("ket-qua-dem");
    if (!input || !list) return;
    input.value = query;
    list.innerHTML = "";
    if (!query) { count.textContent = ""; return; }
    var results = search(query);
    count.textContent = results.length === 0
      ? "Không tìm thấy văn bản nào cho \u201c" + query + "\u201d."
      : "Tìm thấy " + results.length + " văn bản cho \u201c" + query + "\u201d:";
    results.forEach(function (doc) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = doc.u;
      a.textContent = doc.t;
      var meta = document.createElement("span");
      meta.className = "thong-tin-phu";
      meta.textContent = doc.l + (doc.n ? " · " + doc.n : "");
      li.appendChild(a);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(meta);
      list.appendChild(li);
    });
  }
  window.vanbanSearch = search;
  document.addEventListener("DOMContentLoaded", show);
})();
