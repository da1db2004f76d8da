/// The search box's script that the placement and diff pages share: it shows the box (hidden without
/// JavaScript), hides the rows whose text does not contain the query and the groups left with no row shown,
/// opens the rows found when they are few, fills the box from `?q=TEXT` or `#q=TEXT` in the address, and opens
/// every section before printing.
///
/// The selectors are the pages' own constants: no manifest value reaches the script.
package enum SearchFilterScript {
    /// - Parameters:
    ///   - rows: the elements filtered (a CSS selector list).
    ///   - groups: the sections hidden when none of their rows is shown.
    ///   - shownRow: what counts as a row shown inside a group.
    package static func source(rows: String, groups: String, shownRow: String) -> String {
        """
        (function(){
        var box=document.getElementById('search'),q=document.getElementById('q'),status=document.getElementById('search-status');
        box.hidden=false;
        var items=[].slice.call(document.querySelectorAll('\(rows)'));
        var texts=items.map(function(e){return e.textContent.toLowerCase();});
        var groups=[].slice.call(document.querySelectorAll('\(groups)'));
        function apply(){
        var v=q.value.trim().toLowerCase(),n=0;
        items.forEach(function(e,i){var m=!v||texts[i].indexOf(v)>=0;e.hidden=!m;if(m)n++;});
        groups.forEach(function(g){g.hidden=!!v&&!g.querySelector('\(shownRow):not([hidden])');});
        if(v&&n<=20)items.forEach(function(e){if(!e.hidden&&e.tagName==='DETAILS')e.open=true;});
        status.textContent=v?n+' matching':'';
        }
        q.addEventListener('input',apply);
        var m=/[?&#]q=([^&#]*)/.exec(location.search+location.hash);
        if(m){q.value=decodeURIComponent(m[1].replace(/\\+/g,' '));apply();}
        window.addEventListener('beforeprint',function(){document.querySelectorAll('details').forEach(function(d){d.open=true;});});
        })();

        """
    }
}
