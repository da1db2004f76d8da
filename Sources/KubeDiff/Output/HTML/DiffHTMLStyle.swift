import KubePlan

/// The diff page's inline style sheet, the SVG pattern its rollout bars use, and its one small script (search).
///
/// Colours are Okabe–Ito (distinguishable under the common colour-vision deficiencies) and never stand alone:
/// every change carries its word in a tag (added, removed, changed, refused). Refusals are vermillion, the
/// palette's red, with a thick border and the word "refused". Focus is always visible. Print drops the search
/// box and the navigation, opens every `<details>` and keeps the colours.
enum DiffHTMLStyle {
    static let css = """
        :root{--fg:#1b1b1b;--muted:#555;--line:#c8c8c8;--focus:#0072B2}
        *{box-sizing:border-box}
        body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:#fff;margin:0 1.5rem 2rem}
        h1{font-size:1.5rem;margin:1rem 0 .25rem}
        h2{font-size:1.15rem;margin:1.5rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
        h3{font-size:1rem;margin:.2rem 0}
        h4{font-size:.95rem;margin:.6rem 0 .2rem}
        h2 small,h3 small,h4 small,summary small{color:var(--muted);font-weight:normal}
        .totals{margin:.2rem 0}
        nav ul{list-style:none;padding:0;margin:.25rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
        a{color:#005a8c}
        a:focus-visible,summary:focus-visible,input:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
        #search input{font:inherit;padding:.2rem .4rem;width:20rem;max-width:100%}
        code{font:12.5px/1.35 ui-monospace,"DejaVu Sans Mono",Menlo,monospace;overflow-wrap:anywhere}
        .tag{display:inline-block;font-size:11px;font-weight:700;text-transform:uppercase;letter-spacing:.03em;
        padding:0 .35rem;border:1px solid;border-radius:3px;white-space:nowrap}
        .tag.add{color:#00664a;background:#d4efe6;border-color:#009E73}
        .tag.del{color:#8a3500;background:#f8d3bd;border-color:#D55E00}
        .tag.mod{color:#004a75;background:#d6e8f5;border-color:#0072B2}
        .tag.warn{color:#5c3f00;background:#fbecc8;border-color:#E69F00}
        .tag.info{color:#333;background:#eee;border-color:#999}
        .tag.refused{color:#fff;background:#a33f00;border-color:#a33f00}
        article.object{border:1px solid var(--line);border-left:6px solid #0072B2;padding:.5rem .75rem;margin:.6rem 0;
        break-inside:avoid-page}
        article.has-refused{border-left-color:#a33f00}
        .where{color:var(--muted);margin:.1rem 0 .4rem}
        .refusal{border:2px solid #a33f00;background:#fdece2;padding:.3rem .6rem;margin:.4rem 0}
        .refusal p{margin:.1rem 0;color:#7a2e00}
        .refused-index{border:2px solid #a33f00;padding:0 .75rem .4rem;background:#fdf4ef}
        ul.findings{list-style:none;padding:0;margin:.3rem 0}
        ul.findings li{margin:.2rem 0}
        table{border-collapse:collapse;margin:.4rem 0 .6rem;width:100%}
        th,td{text-align:left;padding:.2rem .45rem;border-bottom:1px solid #e4e4e4;vertical-align:top}
        th{font-weight:600;background:#f6f6f6}
        table.fields{table-layout:fixed}
        col.c-change{width:8.5rem}col.c-field{width:34%}col.c-lines{width:9.5rem}
        td.old,span.old{color:#8a3500}
        td.new,span.new{color:#00664a}
        td.lines{color:var(--muted);white-space:nowrap;font-variant-numeric:tabular-nums}
        .none{color:#999}
        pre{margin:.2rem 0;font:12px/1.35 ui-monospace,"DejaVu Sans Mono",Menlo,monospace;white-space:pre-wrap;
        overflow-wrap:anywhere}
        pre del{text-decoration:none;background:#f8d3bd;display:inline-block;width:100%}
        pre ins{text-decoration:none;background:#d4efe6;display:inline-block;width:100%}
        pre .hunk{color:var(--muted)}
        .fig{color:var(--muted);font-variant-numeric:tabular-nums}
        ol.timeline{list-style:none;margin:.3rem 0;padding:0 0 0 1rem;border-left:3px solid #0072B2}
        ol.timeline li{position:relative;display:grid;grid-template-columns:minmax(12rem,22rem) 13rem 240px;gap:.6rem;
        align-items:center;padding:.12rem 0}
        ol.timeline li::before{content:"";position:absolute;left:-1.42rem;top:.45rem;width:.6rem;height:.6rem;
        border-radius:50%;background:#fff;border:2px solid #0072B2}
        svg.pods .track{fill:#eee;stroke:#999}
        svg.pods .oldpods{fill:#0072B2}
        svg.pods .newpods{fill:#E69F00}
        svg.pods .hatch{fill:url(#hatch)}
        .legend-pods{color:var(--muted);font-size:12px}
        .legend-pods i{display:inline-block;width:.9rem;height:.7rem;border:1px solid #666;vertical-align:-1px;margin:0 .2rem}
        .legend-pods .o{background:#0072B2}
        .legend-pods .n{background:repeating-linear-gradient(45deg,#E69F00 0 3px,#8a5a00 3px 4px)}
        details.node{border-bottom:1px solid #e4e4e4;padding:.2rem 0}
        details.node>summary{cursor:pointer;padding:.2rem 0}
        summary .name{font-weight:600}
        .empty{color:var(--muted)}
        @media (max-width:900px){ol.timeline li{grid-template-columns:1fr}table.fields{table-layout:auto}}
        @media print{
        body{margin:0;font-size:10pt}
        .controls,nav{display:none}
        *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        details::details-content{content-visibility:visible;display:contents}
        details.node{break-inside:avoid}
        a{color:inherit;text-decoration:none}
        ol.timeline li{break-inside:avoid}
        }

        """

    /// The diagonal stripes that mark new pods in the rollout bars (shape as well as colour).
    static let patterns = """
        <svg width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false"><defs>\
        <pattern id="hatch" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="1" height="4" fill="#8a5a00"/></pattern></defs></svg>

        """

    /// Shows the search box (hidden without JavaScript) and filters objects and nodes by their text.
    ///
    /// Hides the objects and nodes whose text does not contain the query, opening the nodes found when they
    /// are few. `?q=TEXT` or `#q=TEXT` in the address
    /// fills the box on load (a link to a filtered view; also how the browser tests drive it).
    static let script = SearchFilterScript.source(
        rows: "[data-search]", groups: "section.group", shownRow: "[data-search]")
}
