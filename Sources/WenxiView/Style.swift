/// The pages' inline style sheet and the index's small script. Everything is inline, so the
/// folder opens from disk and can be mailed as a zip; nothing is fetched from elsewhere.
enum Style {
    static let css = """
    :root{--ink:#1a1a1a;--muted:#555;--line:#d8d8d8;--panel:#f6f6f4;--link:#0b57b0}
    *{box-sizing:border-box}
    body{margin:0;font:16px/1.6 system-ui,"Noto Sans CJK TC","WenQuanYi Zen Hei","PingFang TC","Microsoft JhengHei",sans-serif;color:var(--ink);background:#fff}
    a{color:var(--link)}
    header,main,aside,footer,.wrap{padding:0 1.25rem}
    header{border-bottom:1px solid var(--line);padding-top:.5rem;padding-bottom:.75rem}
    h1{font-size:1.5rem;line-height:1.35;margin:.4rem 0}
    h2{font-size:1.15rem;margin:1.4rem 0 .5rem}
    h3{font-size:1rem;margin:1rem 0 .3rem}
    small,.muted{color:var(--muted)}
    .layout{display:flex;flex-wrap:wrap;align-items:flex-start}
    .layout>main{flex:1 1 36rem;min-width:0}
    .layout>aside{flex:0 1 27rem;background:var(--panel);border-left:1px solid var(--line);padding-bottom:1rem;min-width:16rem}
    dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.5rem 0;font-size:.9rem}
    dl.meta dt{color:var(--muted)}dl.meta dd{margin:0;overflow-wrap:anywhere}
    .text{white-space:pre-wrap;font-size:1.05rem;line-height:1.9;max-width:48rem}
    mark.e{color:var(--ink);background:#eee;border-bottom:2px solid #777;border-radius:2px;padding:0 1px;position:relative;cursor:help}
    mark.e:focus{outline:2px solid var(--ink);outline-offset:1px}
    mark.e:target{outline:2px solid var(--ink);outline-offset:1px;scroll-margin-top:65vh}
    mark.e:hover::after,mark.e:focus::after,mark.e:target::after{content:attr(data-tip);position:absolute;left:0;top:100%;z-index:20;margin-top:4px;
      white-space:pre-wrap;width:max-content;max-width:26rem;background:#1f1f1f;color:#fff;font-size:.8rem;line-height:1.45;
      font-weight:normal;padding:.45rem .6rem;border-radius:4px;box-shadow:0 2px 8px rgba(0,0,0,.3);text-align:left}
    ul.legend{list-style:none;padding:0;margin:.6rem 0;display:flex;flex-wrap:wrap;gap:.3rem .9rem;font-size:.9rem}
    .sw{display:inline-block;width:1.6em;height:1em;vertical-align:-.1em;border-bottom:3px solid #777;background:#eee;margin-right:.3em;border-radius:2px}
    table{border-collapse:collapse;font-size:.9rem;margin:.3rem 0}
    th,td{border-bottom:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:top}
    th{background:var(--panel)}
    td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
    aside{overflow-wrap:anywhere}
    aside table{display:block;overflow-x:auto;max-width:100%;font-size:.85rem}
    aside th,aside td{overflow-wrap:normal}aside th{white-space:nowrap}
    aside ol,aside ul{padding-left:1.2rem;margin:.2rem 0}
    aside li{margin:.15rem 0}
    .badge{display:inline-block;font-size:.75rem;border:1px solid var(--line);border-radius:3px;padding:0 .3rem;margin-left:.3rem;background:#fff;color:var(--ink)}
    .forms{font-size:.8rem;color:var(--muted)}
    .finding{border-left:4px solid #b35900;padding:.2rem .6rem;background:#fff6ec}
    .charts{display:flex;flex-wrap:wrap;gap:0 2rem}
    .charts>section{flex:1 1 22rem;min-width:0}
    .chart{overflow-x:auto}
    svg text{font-size:12px;fill:var(--ink)}
    svg .bar{fill:#1f5fbf}svg .bar:hover{fill:#0a2f66}
    svg .axis{stroke:#999;stroke-width:1}
    #q{font-size:1rem;padding:.35rem .5rem;width:min(30rem,100%)}
    .pager{display:flex;gap:.6rem;align-items:center;margin:.5rem 0}
    .pager button{font-size:.9rem;padding:.2rem .7rem}
    footer{border-top:1px solid var(--line);margin-top:2rem;padding-top:.5rem;padding-bottom:1rem;font-size:.8rem;color:var(--muted)}
    """

    /// The document list of the index: search (title, path, date and names, case-insensitive;
    /// `#q=WORD` in the address pre-fills it) and pages of `pageSize` rows, drawn with
    /// `textContent` only, never `innerHTML`. The data is a JSON block in the page.
    static func listScript(pageSize: Int) -> String {
        """
        (function(){
        var D=JSON.parse(document.getElementById('docs-data').textContent);
        var size=\(pageSize),page=0,hits=D;
        var q=document.getElementById('q'),tb=document.querySelector('#docs tbody');
        var info=document.getElementById('docs-info'),prev=document.getElementById('prev'),next=document.getElementById('next');
        for(var i=0;i<D.length;i++){D[i].k=(D[i][1]+' '+D[i][3]+' '+D[i][2]+' '+D[i][6]).toLowerCase();}
        function cell(tr,t,cls){var td=document.createElement('td');td.textContent=t;if(cls)td.className=cls;tr.appendChild(td);return td;}
        function draw(){
          tb.textContent='';
          var s=page*size,rows=hits.slice(s,s+size);
          rows.forEach(function(d){
            var tr=document.createElement('tr');
            cell(tr,d[2]);
            var td=cell(tr,''),a=document.createElement('a');a.href='reports/'+d[0];a.textContent=d[1]||d[3];td.appendChild(a);
            cell(tr,d[3],'muted');cell(tr,String(d[4]),'num');cell(tr,String(d[5]),'num');
            tb.appendChild(tr);
          });
          info.textContent=hits.length?('documents '+(s+1)+'–'+(s+rows.length)+' of '+hits.length+(hits.length<D.length?' (search: '+D.length+' in all)':'')):'no document matches';
          prev.disabled=page===0;next.disabled=s+size>=hits.length;
        }
        function filter(){var t=q.value.trim().toLowerCase();hits=t?D.filter(function(d){return d.k.indexOf(t)>=0;}):D;page=0;draw();}
        q.addEventListener('input',filter);
        prev.addEventListener('click',function(){if(page>0){page--;draw();}});
        next.addEventListener('click',function(){if((page+1)*size<hits.length){page++;draw();}});
        function fromHash(){var m=/^#q=(.*)$/.exec(location.hash);if(m){try{q.value=decodeURIComponent(m[1]);}catch(e){q.value=m[1];}}filter();if(m&&document.readyState==='complete')document.getElementById('documents').scrollIntoView();}
        window.addEventListener('hashchange',fromHash);
        fromHash();
        document.body.setAttribute('data-list','ready');
        })();
        """
    }
}
