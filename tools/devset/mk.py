import json,sys,re
def build(name, title, issuer, date, headings, targets, recipients=None, document_number=None):
    text=open(f'tests/devset/{name}.txt',encoding='utf-8').read()
    hs=[{"level":l,"marker":m,"text":t} for (l,m,t) in headings]
    for h in hs: assert h['text'] in text, h
    ts=[]
    for t in targets:
        sent,q,v,u,c=t[:5]; extra=t[5] if len(t)>5 else {}
        assert sent in text, sent
        if q: assert q in sent, (q,sent)
        d={"sentence":sent,"quantity":q,"value":v,"unit":u,"comparator":c,"deadline":extra.get("deadline")}
        if extra.get("kind"): d["kind"]=extra["kind"]
        if extra.get("bound"): d["bound"]=extra["bound"]
        ts.append(d)
    out={"title":title,"issuer":issuer,"date":date,"recipients":recipients}
    if document_number: out["document_number"]=document_number
    out.update({"headings":hs,"targets":ts})
    json.dump(out,
              open(f'tests/devset/labels/{name}.json','w',encoding='utf-8'),ensure_ascii=False,indent=1)
    print(name, len(hs),'headings',len(ts),'targets')
