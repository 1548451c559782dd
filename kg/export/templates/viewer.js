// kg viewer: type/relation/article/date filters, search, side panel, article view and
// "show more" for neighbours left out of a large graph. Everything that comes from the
// articles is put into the page with textContent, never as HTML, so names and quotes
// cannot run anything. Plain ES5 for any browser.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var byId = function (id) { return document.getElementById(id); };
  var el = function (tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  };
  var has = function (obj, key) { return Object.prototype.hasOwnProperty.call(obj, key); };
  byId("kg-title").textContent = data.title;
  function note() {
    var drawn = nodes.length - Object.keys(folded).length;
    byId("kg-note").textContent = drawn < data.total ?
      "showing " + drawn + " of " + data.total + " entities: the busiest events and their neighbours;" +
      " a node's panel can show the ones left out" : "";
    byId("kg-all").style.display = Object.keys(folded).length ? "" : "none";
  }

  // ---------------------------------------------------------------- filters
  var hiddenTypes = {}, hiddenPreds = {}, article = "", from = "", to = "";
  Array.prototype.forEach.call(document.querySelectorAll("#kg-legend input[data-type]"), function (box) {
    box.addEventListener("change", function () { hiddenTypes[box.getAttribute("data-type")] = !box.checked; apply(); });
  });
  Object.keys(data.words).forEach(function (pred) {
    var lab = el("label", null, "kg-rel"), box = el("input");
    box.type = "checkbox"; box.checked = true; box.setAttribute("data-pred", pred);
    lab.appendChild(box); lab.appendChild(document.createTextNode(" " + data.words[pred]));
    box.addEventListener("change", function () { hiddenPreds[pred] = !box.checked; apply(); });
    byId("kg-relations").appendChild(lab);
  });
  Object.keys(data.articles).sort().forEach(function (id) {
    var a = data.articles[id];
    var opt = el("option", id + (a.title ? " — " + a.title.slice(0, 60) : ""));
    opt.value = id; byId("kg-articlesel").appendChild(opt);
  });
  if (data.dates.length) { byId("kg-from").placeholder = data.dates[0]; byId("kg-to").placeholder = data.dates[1]; }
  byId("kg-articlesel").addEventListener("change", function (e) { article = e.target.value; apply(); });
  byId("kg-from").addEventListener("change", function (e) { from = e.target.value; apply(); });
  byId("kg-to").addEventListener("change", function (e) { to = e.target.value; apply(); });
  byId("kg-reset").addEventListener("click", function () {
    hiddenTypes = {}; hiddenPreds = {}; article = ""; from = ""; to = "";
    Array.prototype.forEach.call(document.querySelectorAll("#kg-bar input[type=checkbox]"), function (b) { b.checked = true; });
    byId("kg-articlesel").value = ""; byId("kg-from").value = ""; byId("kg-to").value = "";
    apply();
  });

  // a large view opens on the busiest events and their neighbours; the other drawn nodes
  // wait, folded, until a panel's "show more" or the "show all" button unfolds them
  var folded = {};
  Object.keys(data.nodes).forEach(function (id) { folded[id] = true; });
  data.start.forEach(function (id) { delete folded[id]; });
  function info(id) { return data.nodes[id] || data.extra[id]; }
  function visible(id) {
    var n = info(id);
    if (!n || hiddenTypes[n.type] || folded[id]) { return false; }
    if (article) {
      if (!data.nodes[id] || n.articles.indexOf(article) < 0) { return false; }
    }
    if ((from || to) && n.type === "Event") {  // the date range applies to events, by their dates
      if (!n.dates || !n.dates.length) { return false; }
      return n.dates.some(function (d) { return (!from || d >= from) && (!to || d <= to); });
    }
    return true;
  }
  function apply() {
    nodes.update(nodes.getIds().map(function (id) { return {id: id, hidden: !visible(id)}; }));
    edges.update(edges.get().map(function (e) {
      return {id: e.id, hidden: !!hiddenPreds[e.predicate] || !visible(e.from) || !visible(e.to)};
    }));
    var shown = nodes.get({filter: function (n) { return !n.hidden; }}).length;
    byId("kg-shown").textContent = shown + " drawn";
  }
  byId("kg-all").addEventListener("click", function () { folded = {}; note(); apply(); fitImportant(); });

  // ---------------------------------------------------------------- article view
  function showArticle(ev) {
    var box = byId("kg-article"), art = data.articles[ev.article] || {};
    box.textContent = "";
    var close = el("button", "close", "kg-close");
    close.addEventListener("click", function () { box.style.display = "none"; });
    box.appendChild(close);
    box.appendChild(el("h2", art.title || ev.article));
    var meta = el("p", ev.article + (art.published ? " · " + art.published : ""), "kg-meta");
    if (art.url && /^https?:\/\//i.test(art.url)) {
      var link = el("a", art.url); link.href = art.url; link.target = "_blank"; link.rel = "noopener noreferrer";
      meta.appendChild(document.createTextNode(" · ")); meta.appendChild(link);
    }
    box.appendChild(meta);
    var pre = el("pre"), text, start, end;
    if (typeof art.text === "string") {
      text = art.text; start = ev.offset + ev.start; end = ev.offset + ev.end;
    } else {  // text not embedded (a very large build): the sentence alone
      text = ev.sentence; start = ev.start; end = ev.end;
      box.appendChild(el("p", "(the article's text is not in this page; its sentence:)", "kg-meta"));
    }
    if (start >= 0 && end > start && end <= text.length) {
      pre.appendChild(document.createTextNode(text.slice(0, start)));
      pre.appendChild(el("mark", text.slice(start, end)));
      pre.appendChild(document.createTextNode(text.slice(end)));
    } else {
      pre.textContent = text;
    }
    box.appendChild(pre);
    box.style.display = "block";
    var mark = pre.querySelector("mark");
    if (mark && mark.scrollIntoView) { mark.scrollIntoView({block: "center"}); }
  }

  // ---------------------------------------------------------------- side panel
  function sentenceWithSpan(ev) {
    var div = el("div", null, "kg-sentence"), s = ev.sentence;
    div.appendChild(document.createTextNode("“"));
    if (ev.start >= 0 && ev.end > ev.start && ev.end <= s.length) {
      div.appendChild(document.createTextNode(s.slice(0, ev.start)));
      div.appendChild(el("mark", s.slice(ev.start, ev.end)));
      div.appendChild(document.createTextNode(s.slice(ev.end)));
    } else {
      div.appendChild(document.createTextNode(s));
    }
    div.appendChild(document.createTextNode("”"));
    return div;
  }
  function hiddenNeighbours(id) {
    var out = Object.keys(data.extra).filter(function (x) {
      return !nodes.get(x) && data.extra[x].links.some(function (l) { return l[0] === id || l[1] === id; });
    });
    network.getConnectedNodes(id).forEach(function (x) { if (folded[x]) { out.push(x); } });
    return out;
  }
  function showPanel(id) {
    var n = info(id), panel = byId("kg-panel");
    if (!n) { return; }
    panel.textContent = "";
    var close = el("button", "×", "kg-close");
    close.title = "close";
    close.addEventListener("click", function () { panel.style.display = "none"; network.unselectAll(); });
    panel.appendChild(close);
    panel.appendChild(el("h2", n.label));
    var colour = data.styles[n.type] ? data.styles[n.type][0] : "#999";
    var type = el("div", n.type, "kg-typetag"); type.style.background = colour;
    panel.appendChild(type);
    panel.appendChild(el("div", id, "kg-key"));
    var ids = n.ids || {};
    Object.keys(ids).sort().forEach(function (k) { panel.appendChild(el("div", k + ": " + ids[k], "kg-id")); });
    if (n.dates && n.dates.length) { panel.appendChild(el("div", "Date: " + n.dates.join(", "), "kg-id")); }
    var count = typeof n.count === "number" ? n.count : (typeof n.articles === "number" ? n.articles : 0);
    if (count) { panel.appendChild(el("div", "In " + count + " article" + (count === 1 ? "" : "s"), "kg-id")); }
    panel.appendChild(el("h3", "Names"));
    var ul = el("ul");
    n.names.forEach(function (name) { ul.appendChild(el("li", name)); });
    panel.appendChild(ul);
    panel.appendChild(el("h3", "Relations"));
    ul = el("ul");
    var rels = n.relations || (n.links || []).map(function (l) {
      var out = l[0] === id, other = out ? l[1] : l[0];
      return {dir: out ? "out" : "in", word: l[2], other: other, label: (info(other) || {}).label || other};
    });
    rels.forEach(function (r) {
      var li = el("li"), a = el("a", r.label, "kg-link");
      li.appendChild(el("span", r.dir === "out" ? r.word + " → " : "← " + r.word + ": ", "kg-word"));
      a.href = "#"; a.addEventListener("click", function (e) { e.preventDefault(); focusNode(r.other); });
      li.appendChild(a);
      if (!nodes.get(r.other)) { li.appendChild(el("span", " (not drawn)", "kg-meta")); }
      ul.appendChild(li);
    });
    if (!rels.length) { ul.appendChild(el("li", "none")); }
    panel.appendChild(ul);
    var more = hiddenNeighbours(id);
    if (more.length) {
      var btn = el("button", "show " + more.length + " more related " + (more.length === 1 ? "entity" : "entities"),
                   "kg-more");
      btn.addEventListener("click", function () { expand(id, more); showPanel(id); });
      panel.appendChild(btn);
    }
    var said = n.statements || [];
    if (said.length) {
      panel.appendChild(el("h3", n.type === "Event" ? "Who spoke, and what they said" : "Statements"));
      said.forEach(function (st) {
        var q = el("div", null, "kg-quote kg-statement");
        var who = el("div", null, "kg-meta");
        if (n.type === "Event") {
          var sp = el("a", st.speaker_label, "kg-link"); sp.href = "#";
          sp.addEventListener("click", function (e) { e.preventDefault(); focusNode(st.speaker); });
          who.appendChild(sp);
          who.appendChild(document.createTextNode(" said:"));
        } else {
          who.appendChild(document.createTextNode((st.date || "undated") + (st.event_label ? " · at " : "")));
          if (st.event_label) {
            var ev = el("a", st.event_label, "kg-link"); ev.href = "#";
            ev.addEventListener("click", function (e) { e.preventDefault(); focusNode(st.event); });
            who.appendChild(ev);
          }
        }
        q.appendChild(who);
        q.appendChild(el("div", st.quote, "kg-sentence"));
        var art = data.articles[st.article] || {};
        q.appendChild(el("div", st.article + (art.title ? " — " + art.title : ""), "kg-meta"));
        panel.appendChild(q);
      });
    }
    panel.appendChild(el("h3", "Sources"));
    (n.evidence || []).forEach(function (ev) {
      var q = el("div", null, "kg-quote");
      q.appendChild(sentenceWithSpan(ev));
      var link = el("a", ev.article + ((data.articles[ev.article] || {}).title ? " — " + data.articles[ev.article].title : ""),
                    "kg-link kg-source");
      link.href = "#"; link.addEventListener("click", function (e) { e.preventDefault(); showArticle(ev); });
      q.appendChild(link);
      panel.appendChild(q);
    });
    if (!n.evidence) { panel.appendChild(el("p", "Not drawn in this view: rebuild with --focus to see its sources.", "kg-meta")); }
    panel.style.top = byId("kg-bar").offsetHeight + "px";
    panel.style.display = "block";
  }

  // ---------------------------------------------------------------- expanding
  function expand(id, keys) {
    var unfold = keys.filter(function (k) { return folded[k]; });
    if (unfold.length) {  // drawn but folded: bring them beside the node
      var c = network.getPosition(id), st = 2 * Math.PI / unfold.length, r = 150 + 8 * unfold.length;
      unfold.forEach(function (k, i) {
        delete folded[k];
        nodes.update({id: k, x: c.x + r * Math.cos(i * st), y: c.y + r * Math.sin(i * st)});
      });
      keys = keys.filter(function (k) { return !nodes.get(k); });
    }
    var centre = network.getPosition(id), step = 2 * Math.PI / Math.max(keys.length, 1);
    var radius = 120 + 8 * keys.length, added = [], links = [];
    keys.forEach(function (k, i) {
      var x = data.extra[k], style = data.styles[x.type] || ["#999999", "dot"];
      added.push({id: k, label: x.label.length > 32 ? x.label.slice(0, 31) + "…" : x.label,
                  title: x.type + ": " + x.label + "\n(click for details)", color: style[0], shape: style[1],
                  size: 10 + 5 * Math.min(x.articles, 8), x: centre.x + radius * Math.cos(i * step),
                  y: centre.y + radius * Math.sin(i * step), physics: false, font: {size: 20, face: "sans-serif", strokeWidth: 4, strokeColor: "#ffffff"}});
      x.links.forEach(function (l) { links.push(l); });
    });
    nodes.add(added);
    var seen = {};
    edges.get().forEach(function (e) { seen[e.from + "\u0000" + e.to + "\u0000" + e.label] = true; });
    var n = edges.length;
    edges.add(links.filter(function (l) {
      var k = l[0] + "\u0000" + l[1] + "\u0000" + l[2];
      if (seen[k] || !nodes.get(l[0]) || !nodes.get(l[1])) { return false; }
      seen[k] = true; return true;
    }).map(function (l) {
      var pred = Object.keys(data.words).filter(function (p) { return data.words[p] === l[2]; })[0] || l[2];
      return {id: "x" + (n++), from: l[0], to: l[1], label: l[2], title: l[2], arrows: "to", predicate: pred,
              font: {size: 12, align: "middle"}, color: "#aaaaaa", dashes: true};
    }));
    note(); apply();
  }

  function focusNode(id) {
    if (!nodes.get(id) && data.extra[id]) {  // a neighbour left out: draw it beside one drawn neighbour
      var anchor = data.extra[id].links.map(function (l) { return l[0] === id ? l[1] : l[0]; })
        .filter(function (x) { return nodes.get(x); })[0];
      if (anchor) { expand(anchor, [id]); }
    }
    if (!nodes.get(id)) { return false; }
    network.selectNodes([id]);
    network.focus(id, {scale: 1.2, offset: {x: byId("kg-panel").offsetWidth ? -200 : 0, y: 0}, animation: false});
    showPanel(id);
    return true;
  }
  window.kgFocus = focusNode;

  network.on("click", function (params) {
    if (params.nodes.length) { showPanel(params.nodes[0]); }
  });

  // ---------------------------------------------------------------- search
  var index = [];  // [lowercased name, id, is the label]
  [data.nodes, data.extra].forEach(function (group) {
    Object.keys(group).sort().forEach(function (id) {
      var n = group[id];
      index.push([n.label.toLowerCase(), id, true]);
      n.names.forEach(function (name) { index.push([name.toLowerCase(), id, false]); });
    });
  });
  var list = byId("kg-names");
  var listed = {};
  index.forEach(function (e) {
    if (list.childNodes.length < 5000 && !listed[e[0]]) { listed[e[0]] = 1; var o = el("option"); o.value = e[0]; list.appendChild(o); }
  });
  function find(q) {
    q = q.trim().toLowerCase();
    if (!q) { return null; }
    var exact = null, prefix = null, part = null;
    index.forEach(function (e) {
      var drawnFirst = function (cur) { return cur === null || (!nodes.get(cur) && nodes.get(e[1])); };
      if (e[0] === q && drawnFirst(exact)) { exact = e[1]; }
      else if (e[0].indexOf(q) === 0 && drawnFirst(prefix)) { prefix = e[1]; }
      else if (e[0].indexOf(q) > 0 && drawnFirst(part)) { part = e[1]; }
    });
    return exact || prefix || part;
  }
  function search() {
    var hit = find(byId("kg-search").value);
    byId("kg-found").textContent = hit ? info(hit).label : (byId("kg-search").value.trim() ? "not found" : "");
    if (hit) { focusNode(hit); }
  }
  byId("kg-search").addEventListener("keydown", function (e) { if (e.key === "Enter") { search(); } });
  byId("kg-go").addEventListener("click", search);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { byId("kg-article").style.display = "none"; }
  });
  // the first view: fitted to the most important nodes (not to far-away islands), at a
  // zoom where their names can be read
  function fitImportant() {
    var shown = nodes.get({filter: function (n) { return !n.hidden; }});
    var top = shown.filter(function (n) { return n.font && n.font.size >= 30; }).map(function (n) { return n.id; });
    network.fit({nodes: top.length ? top : shown.map(function (n) { return n.id; }), animation: false});
    var need = top.length ? 13 / 32 : 0;
    if (network.getScale() < need) {
      network.moveTo({scale: need, animation: false});
    }
  }
  window.kgFitImportant = fitImportant;
  note();  // the page comes with the folded nodes and their edges already hidden
  byId("kg-shown").textContent = data.start.length + " drawn";
  fitImportant();
})();
