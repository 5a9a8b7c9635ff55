"""Labels of the synthetic regression set (tests/devset/labels/*.json), from tools/devset/plans.json.

Each plan in plans.json gives its expected title, issuer, date, headings `[level, marker, text]`
and targets `[sentence, quantity, value, unit, comparator, extra]` (extra: deadline, kind,
bound); `build` checks every heading and sentence is in the plan's text and writes the labels.
Usage: python3 tools/devset/mk.py [NAME|gNN ...] (no argument: every plan). g13.py writes its
own text (a PDF's hard wraps) and calls `build` itself.
"""
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


def main(names):
    plans=json.load(open('tools/devset/plans.json',encoding='utf-8'))
    for p in plans:
        if not names or p['name'] in names or p['name'].split('_')[0] in names:
            build(**p)

if __name__=='__main__':
    main(sys.argv[1:])
