"""g13: a 通知 as text extracted from a PDF: every paragraph hard-wrapped at the width of 28 full-width chars (mid-word; digits half width),
page numbers between pages. Written clean here, wrapped by this script; labels are mapped onto the
wrapped text (a sentence label contains the line breaks that fall inside it)."""
import re, sys; sys.path.insert(0,'tools/devset'); from mk import build
PARAS = [
 ("c","平州市人民政府办公室关于印发平州市城市"),
 ("c","排水防涝能力提升行动方案的通知"),
 ("c","平政办发〔2024〕12号"),
 ("l",""),
 ("l","各区县人民政府，市政府各部门："),
 ("p","经市政府同意，现将《平州市城市排水防涝能力提升行动方案》印发给你们，请认真组织实施。"),
 ("r","平州市人民政府办公室"),
 ("r","2024年4月2日"),
 ("l",""),
 ("c","平州市城市排水防涝能力提升行动方案"),
 ("l",""),
 ("p","为系统提升城市排水防涝能力，保障人民群众生命财产安全，根据国务院办公厅有关文件精神，制定本方案。"),
 ("h","一、工作目标"),
 ("p","到2025年，中心城区排水管网密度达到每平方公里12公里以上，雨污分流改造完成率达到80%，城市内涝积水点动态清零；到2027年，城市排水防涝体系基本完善，中心城区能够有效应对50年一遇降雨。"),
 ("h","二、主要任务"),
 ("h","（一）补齐排水管网短板"),
 ("p","新建改造雨水管网300公里，其中2024年完成120公里。2024年10月底前完成易涝积水点排查，建立“一点一策”整治台账。"),
 ("h","（二）实施泵站提标改造"),
 ("p","改造提升排涝泵站15座，新增排涝能力每秒200立方米。"),
 ("PAGE","— 2 —"),
 ("h","（三）建设调蓄设施"),
 ("p","因地制宜建设雨水调蓄池，新增调蓄容积不少于20万立方米。城市新区、各类园区和成片开发区域可渗透地面面积比例不低于40%。"),
 ("h","（四）提升应急处置能力"),
 ("p","每年汛期前组织1次以上综合应急演练，每个区县至少组建1支不少于30人的专业排涝抢险队伍，配备移动泵车8台以上。"),
 ("h","三、保障措施"),
 ("h","（一）加强组织领导"),
 ("p","成立市城市排水防涝工作领导小组，由分管副市长任组长，办公室设在市住房城乡建设局。"),
 ("h","（二）强化资金保障"),
 ("p","市、区两级财政三年累计安排资金不少于25亿元，积极争取地方政府专项债券支持。"),
 ("PAGE","— 3 —"),
 ("l","抄送：市委办公室，市人大常委会办公室，市政协办公室。"),
 ("l","平州市人民政府办公室　　　　　　　　2024年4月2日印发"),
]
def wrap(s, w=56):
    """as a PDF lays text out: 28 full-width chars a line, a digit or Latin letter half as wide"""
    lines, cur, width = [], "", 0
    for c in s:
        cw = 1 if ord(c) < 128 else 2
        if width + cw > w:
            lines.append(cur); cur, width = "", 0
        cur += c; width += cw
    if cur: lines.append(cur)
    return "\n".join(lines)
out=[]
for kind, s in PARAS:
    if kind=="p": out.append(wrap("　　"+s))
    elif kind=="h": out.append(wrap("　　"+s))
    elif kind=="PAGE": out.append("\n"+s+"\n")
    else: out.append(s)
text="\n".join(out)+"\n"
open('tests/devset/g13_pdf_notice.txt','w',encoding='utf-8').write(text)
def w(s):
    """the wrapped copy of a clean sentence in the text"""
    pat="\n?".join(re.escape(c) for c in s)
    m=re.search(pat, text); assert m, s
    return m.group(0)
def q(s): return w(s)
A="到2025年，中心城区排水管网密度达到每平方公里12公里以上，雨污分流改造完成率达到80%，城市内涝积水点动态清零"
B="到2027年，城市排水防涝体系基本完善，中心城区能够有效应对50年一遇降雨"
C="新建改造雨水管网300公里，其中2024年完成120公里"
D="2024年10月底前完成易涝积水点排查，建立“一点一策”整治台账"
E="因地制宜建设雨水调蓄池，新增调蓄容积不少于20万立方米"
F="城市新区、各类园区和成片开发区域可渗透地面面积比例不低于40%"
G="每年汛期前组织1次以上综合应急演练，每个区县至少组建1支不少于30人的专业排涝抢险队伍，配备移动泵车8台以上"
H="市、区两级财政三年累计安排资金不少于25亿元，积极争取地方政府专项债券支持"
def t(sent, qty, *rest):
    ws=w(sent)
    wq=None
    if qty:
        pat="\n?".join(re.escape(c) for c in qty)
        m=re.search(pat, ws); assert m,(qty,sent); wq=m.group(0)
    return (ws, wq)+rest
build("g13_pdf_notice","平州市城市排水防涝能力提升行动方案","平州市人民政府办公室","2024-04-02",[
 (1,"一、","工作目标"),(1,"二、","主要任务"),(2,"（一）","补齐排水管网短板"),(2,"（二）","实施泵站提标改造"),(2,"（三）","建设调蓄设施"),(2,"（四）","提升应急处置能力"),
 (1,"三、","保障措施"),(2,"（一）","加强组织领导"),(2,"（二）","强化资金保障")],[
 t(A,"12公里以上",12,"公里","gte",{"deadline":"到2025年"}),
 t(A,"80%",80,"%","eq",{"deadline":"到2025年"}),
 t(A,"清零",0,None,"eq",{"deadline":"到2025年"}),
 t(B,None,None,None,None,{"deadline":"到2027年","kind":"deadline"}),
 t(C,"300公里",300,"公里","eq"),
 t(C,"120公里",120,"公里","eq",{"deadline":"2024年"}),
 t(D,None,None,None,None,{"deadline":"2024年10月底前","kind":"deadline"}),
 t("改造提升排涝泵站15座，新增排涝能力每秒200立方米","15座",15,"座","eq"),
 t("改造提升排涝泵站15座，新增排涝能力每秒200立方米","200立方米",200,"立方米","eq"),
 t(E,"不少于20万立方米",20,"万立方米","gte"),
 t(F,"不低于40%",40,"%","gte"),
 t(G,"1次以上",1,"次","gte"),
 t(G,"至少组建1支",1,"支","gte"),
 t(G,"不少于30人",30,"人","gte"),
 t(G,"8台以上",8,"台","gte"),
 t(H,"不少于25亿元",25,"亿元","gte"),
], recipients="各区县人民政府，市政府各部门", document_number="平政办发〔2024〕12号")
