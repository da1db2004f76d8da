/// The placement page's inline style sheet and its one small script (search only).
///
/// Plain system fonts, no images or fonts fetched. Focus is always visible; print drops the search box, opens
/// every node and keeps the bar colours.
enum PlacementHTMLStyle {
    static let css = """
        :root{--fg:#1b1b1b;--muted:#555;--line:#c8c8c8;--track:#eeeeee;--focus:#0072B2}
        *{box-sizing:border-box}
        body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:#fff;margin:0 1.5rem 2rem}
        h1{font-size:1.5rem;margin:1rem 0 .25rem}
        h2{font-size:1.15rem;margin:1.5rem 0 .5rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
        h2 small,legend small,li small{color:var(--muted);font-weight:normal}
        nav ul{list-style:none;padding:0;margin:.25rem 0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
        a{color:#005a8c}
        a:focus-visible,summary:focus-visible,input:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
        #search input{font:inherit;padding:.2rem .4rem;width:20rem;max-width:100%}
        .legend ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.2rem 1.2rem}
        .sw{display:inline-block;font-style:normal;width:.9rem;height:.9rem;border:1px solid #333;margin-right:.35rem;vertical-align:-2px}
        details.node{border-bottom:1px solid #e4e4e4;content-visibility:auto;contain-intrinsic-size:auto 2rem}
        .other{background:#767676}
        details.node>summary{display:grid;grid-template-columns:minmax(10rem,16rem) 7rem 1fr 1fr;gap:.75rem;
        align-items:center;padding:.25rem 0;cursor:pointer;list-style:none}
        details.node>summary::-webkit-details-marker{display:none}
        summary .name::before{content:"\\25B8\\00A0";color:var(--muted)}
        details[open]>summary .name::before{content:"\\25BE\\00A0"}
        summary .name{font-weight:600;overflow-wrap:anywhere}
        summary .meta,.fig{color:var(--muted);font-variant-numeric:tabular-nums}
        .res{display:grid;grid-template-columns:3.8rem minmax(6rem,1fr) 10.5rem;gap:.4rem;align-items:center}
        .rname{color:var(--muted)}
        .bar{display:flex;height:.95rem;background:var(--track);border:1px solid #999;overflow:hidden}
        .seg{display:block;height:100%;border-right:1px solid #fff;min-width:0}
        table{border-collapse:collapse;margin:.4rem 0 .8rem;width:100%}
        th,td{text-align:left;padding:.2rem .5rem;border-bottom:1px solid #e4e4e4;vertical-align:top}
        th{font-weight:600;background:#f6f6f6}
        td.pods{color:var(--muted);overflow-wrap:anywhere}
        .unsched td:last-child{white-space:pre-wrap}
        .empty{color:var(--muted);margin:.3rem 0 .6rem}
        @media (max-width:900px){details.node>summary{grid-template-columns:1fr}}
        @media print{
        body{margin:0;font-size:10pt}
        #search,nav{display:none}
        *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
        details::details-content{content-visibility:visible;display:contents}
        details.node{content-visibility:visible}
        details.node{break-inside:avoid}
        a{color:inherit;text-decoration:none}
        }

        """

    /// Shows the search box (hidden without JavaScript) and filters nodes and unschedulable rows by their text;
    /// `?q=TEXT` or `#q=TEXT` in the address fills it on load.
    static let script = SearchFilterScript.source(
        rows: "details.node,table.unsched tbody tr", groups: "section.zone", shownRow: "details.node")
}
