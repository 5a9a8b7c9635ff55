// A hundred plans for the corpus panel's load test: the seeds (tests/fixtures), the dev corpus
// (tests/devcorpus/docs) and synthetic municipal work plans made here, deterministic (a seeded
// generator), each with the indicators such plans share (地区生产总值增长, 城镇新增就业 …) at
// figures of its own, headings of two levels and enough prose to weigh what a real one does.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, fixtures } from './lib.mjs';

const CITIES = ['江宁', '武进', '惠山', '广汉', '顺德', '南海', '昆山', '余杭', '鄞州', '龙岗', '宝安', '番禺', '江北', '渝北', '双流', '新都', '高新', '滨海', '开福', '雨花', '岳麓', '天河', '海曙', '萧山'];
const KINDS = ['区', '县', '市'];
const TOPICS = ['经济社会发展', '教育', '卫生健康', '生态环境', '交通建设', '民生实事'];
const INDICATORS = [
  (r) => `地区生产总值增长${r.pick(['5', '5.5', '6', '4.5'])}%左右`,
  (r) => `城镇新增就业${r.int(1, 9)}.${r.int(0, 9)}万人以上`,
  (r) => `城镇调查失业率控制在${r.pick(['5', '5.5', '4.5'])}%以内`,
  (r) => `居民人均可支配收入增长${r.int(4, 8)}%`,
  (r) => `单位地区生产总值能耗降低${r.int(2, 4)}.${r.int(0, 9)}%`,
  (r) => `新建改扩建幼儿园${r.int(3, 30)}所`,
  (r) => `学前教育毛入园率达到${r.int(90, 99)}%以上`,
  (r) => `粮食产量稳定在${r.int(20, 90)}万吨以上`,
  (r) => `新增中小学学位${r.int(2, 20)}000个`,
  (r) => `空气质量优良天数比例达到${r.int(80, 95)}%`,
  (r) => `规模以上工业增加值增长${r.int(5, 9)}%`,
  (r) => `固定资产投资增长${r.int(3, 10)}%`,
  (r) => `社会消费品零售总额增长${r.int(4, 8)}%`,
  (r) => `新增城镇保障性住房${r.int(500, 5000)}套`,
  (r) => `完成老旧小区改造${r.int(10, 120)}个`,
];
const PROSE = [
  '坚持稳中求进工作总基调，完整准确全面贯彻新发展理念，加快构建新发展格局，着力推动高质量发展。',
  '统筹发展和安全，持续深化改革开放，不断增强发展的平衡性、协调性和可持续性。',
  '各部门要提高政治站位，细化工作方案，压实工作责任，确保各项任务落地见效。',
  '坚持以人民为中心的发展思想，着力解决群众急难愁盼问题，持续增进民生福祉。',
  '健全工作推进机制，加强督查考核，定期通报进展情况，形成一级抓一级、层层抓落实的工作格局。',
  '强化要素保障，优化营商环境，激发各类经营主体活力，推动经济实现质的有效提升和量的合理增长。',
  '加强统筹协调，完善政策体系，注重示范引领，及时总结推广好经验好做法。',
];
const NUMS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function rng(seed) {
  let s = seed >>> 0;
  const next = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  return { int: (a, b) => a + Math.floor(next() * (b - a + 1)), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

/** One synthetic plan of about `chars` characters. */
export function syntheticPlan(i, chars = 11_000) {
  const r = rng(i * 7919 + 17);
  const place = `${r.pick(CITIES)}${r.pick(KINDS)}`;
  const year = 2022 + (i % 5);
  const topic = r.pick(TOPICS);
  const title = `${place}${year}年${topic}工作要点`;
  const lines = [title, `${place}人民政府`, `${year}年${r.int(1, 3)}月${r.int(1, 28)}日`, ''];
  lines.push('一、主要目标');
  const picked = INDICATORS.filter(() => r.int(0, 3) > 0);
  lines.push(`${year}年全${KINDS.includes(place.slice(-1)) ? place.slice(-1) : '区'}主要预期目标是：${picked.map((f) => f(r)).join('；')}。`);
  let h = 1;
  while (lines.join('\n').length < chars) {
    h += 1;
    lines.push(`${NUMS[(h - 1) % 10]}、${r.pick(['重点任务', '推进措施', '保障机制', '民生工程', '改革攻坚'])}（第${h}部分）`);
    for (let k = 1; k <= 4; k++) {
      lines.push(`（${NUMS[k - 1]}）${r.pick(['加快项目建设', '强化创新驱动', '深化改革开放', '加强生态保护', '保障改善民生'])}。`);
      const para = [];
      for (let p = 0; p < 6; p++) para.push(r.pick(PROSE));
      if (r.int(0, 2) === 0) para.push(`全年${r.pick(INDICATORS)(r)}。`);
      lines.push(para.join(''));
    }
  }
  return { name: `syn_${String(i).padStart(3, '0')}_${place}_${year}.txt`, text: lines.join('\n') + '\n' };
}

/** The hundred plans: seeds, dev corpus, then synthetic ones. */
export function hundredPlans() {
  const dev = path.join(ROOT, 'tests', 'devcorpus', 'docs');
  const real = [
    ...fixtures().map((f) => ({ name: f.name, text: f.text })),
    ...fs.readdirSync(dev).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: f, text: fs.readFileSync(path.join(dev, f), 'utf8') })),
  ];
  const out = [...real];
  for (let i = 0; out.length < 100; i++) out.push(syntheticPlan(i));
  return out;
}

if (process.argv[2] === '--write') {
  const dir = process.argv[3];
  fs.mkdirSync(dir, { recursive: true });
  for (const p of hundredPlans()) fs.writeFileSync(path.join(dir, p.name), p.text);
}
