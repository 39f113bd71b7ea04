import type { Category } from "./types";

// The rules the villages draw their 细则 from. The first four reds are the real examples of
// DESIGN.md and every village has them; the others vary by village. `weight` is how often an
// entry under the rule is recorded; `who` says which member an entry is about, if any.
// Sample texts use {a-b} (a number; zero-padded when a is), {x|y} (a choice), {who}, {year}.

/** The decision a black entry cites; `samples`, when given, replace the rule's texts. */
export type Legal = { authority: string; docNo: string; weight: number; samples?: readonly string[] };
export type Who = "graduate" | "adult" | "recruit" | "elder";

export type RuleTemplate = {
  key: string;
  category: Category;
  title: string;
  description: string;
  marks: number;
  evidenceHint: string | null;
  core: boolean;
  weight: number;
  who?: Who;
  samples: readonly string[];
  legal?: readonly Legal[];
};

const BLACK_HINT =
  "须附公安机关或人民法院的处理决定（行政处罚决定书、判决书等），写明作出决定的机关和文书编号；理事会意见不能作为记入依据";
const PHOTO = "理事会成员现场核实并拍照留存";

const r = (t: Omit<RuleTemplate, "category">): RuleTemplate => ({ ...t, category: "RED" });
const y = (t: Omit<RuleTemplate, "category">): RuleTemplate => ({ ...t, category: "YELLOW" });
const b = (t: Omit<RuleTemplate, "category" | "evidenceHint" | "marks">): RuleTemplate => ({
  ...t, category: "BLACK", marks: 1, evidenceHint: BLACK_HINT,
});

const POLICE = "石门县公安局夹山派出所";
const COURT = "石门县人民法院";

export const CATALOGUE: readonly RuleTemplate[] = [
  r({ key: "livestock", title: "发展家庭养殖", description: "年内饲养家禽100羽以上或生猪5头以上，记红榜1次", marks: 1, evidenceHint: PHOTO, core: true, weight: 14,
    samples: ["年内饲养生猪{5-14}头", "散养土鸡{100-260}羽", "养殖麻鸭{120-300}羽、生猪{5-8}头", "饲养生猪{5-9}头，带动邻户发展养殖"] }),
  r({ key: "degree", title: "培养子女成才", description: "子女取得硕士或博士研究生学位，记红榜2次", marks: 2, evidenceHint: "学位证书复印件", core: true, weight: 1.2, who: "graduate",
    samples: ["{who}取得{湖南大学|中南大学|湖南师范大学|湘潭大学|武汉大学|华中科技大学}硕士学位", "{who}取得{中南大学|湖南农业大学|华中农业大学}博士学位"] }),
  r({ key: "cleaning", title: "参与公共区域保洁", description: "义务清扫村组公共区域一天，记红榜1次", marks: 1, evidenceHint: PHOTO, core: true, weight: 18,
    samples: ["义务清扫{村部前坪|组级公路|文化广场|夹山寺游客步道|渫水河岸|集镇街道}一天", "参加{春节前|端午前|国庆前}环境卫生大扫除一天", "清理{组级公路边沟|村小学周边|河道}垃圾一天"] }),
  r({ key: "lostfound", title: "拾金不昧", description: "拾到他人财物主动归还失主，记红榜1次", marks: 1, evidenceHint: "失主证明或村干部见证", core: true, weight: 6,
    samples: ["拾到一袋油菜籽（约{40-80}斤）归还失主", "拾到手机一部，当天交还失主", "拾到钱包（内有现金{200-1500}元及证件）归还失主", "拾到走失的耕牛一头，送还邻组农户"] }),
  r({ key: "filial", title: "孝老爱亲", description: "悉心赡养照料老人，家庭和睦，记红榜1次", marks: 1, evidenceHint: "邻里或村民小组长证明", core: false, weight: 8,
    samples: ["长年悉心照料卧病在床的{父亲|母亲|婆婆|公公}", "主动承担孤寡亲属的赡养", "为{80-95}岁老人操办简朴寿宴，孝老敬亲"] }),
  r({ key: "helping", title: "扶老助困", description: "帮助独居老人、困难群众，记红榜1次", marks: 1, evidenceHint: "受助人或村民小组长证明", core: false, weight: 9,
    samples: ["帮助本组独居老人收割稻谷", "为五保老人义务砍柴、挑水{3-10}次", "深夜送突发疾病的邻居老人到镇卫生院就医", "帮助困难户抢收油菜"] }),
  r({ key: "volunteer", title: "参加志愿服务", description: "参加村里组织的志愿服务一天，记红榜1次", marks: 1, evidenceHint: "村委会签到记录", core: false, weight: 9,
    samples: ["参加森林防火巡查志愿服务一天", "参加暑期防溺水巡河志愿服务", "参加{夹山寺景区|集镇}文明劝导志愿服务一天", "协助村里开展医保缴费宣传"] }),
  r({ key: "blood", title: "无偿献血", description: "家庭成员无偿献血，记红榜1次", marks: 1, evidenceHint: "无偿献血证复印件", core: false, weight: 3, who: "adult",
    samples: ["{who}在石门县中心血站无偿献血{200|300|400}毫升", "{who}参加县里组织的无偿献血活动"] }),
  r({ key: "rescue", title: "抢险救灾", description: "参加防汛抗旱、扑救山火等抢险救灾，记红榜2次", marks: 2, evidenceHint: "村委会或镇应急办证明", core: false, weight: 2, who: "adult",
    samples: ["{who}参加渫水河防汛巡堤{1-3}天", "{who}协助扑救{青龙山|天供山|宝峰山}山火", "{who}参加水库防汛值守"] }),
  r({ key: "thrift", title: "移风易俗", description: "婚事新办、丧事简办，不大操大办，记红榜1次", marks: 1, evidenceHint: "红白理事会证明", core: false, weight: 3,
    samples: ["子女婚礼简办，酒席不超过{8-15}桌", "老人丧事简办，不燃放大型烟花", "子女升学不办升学宴"] }),
  r({ key: "courtyard", title: "美丽庭院", description: "庭院整洁、垃圾分类到位，评为美丽庭院，记红榜1次", marks: 1, evidenceHint: PHOTO, core: false, weight: 4,
    samples: ["房前屋后整洁，被评为{季度|年度}美丽庭院", "庭院绿化美化，垃圾分类到位"] }),
  r({ key: "donation", title: "热心公益", description: "为村组公益事业捐资出力，记红榜1次", marks: 1, evidenceHint: "村委会收据或公示", core: false, weight: 2,
    samples: ["为组级公路硬化捐款{500-5000}元", "捐资助学{1000|2000|3000}元", "义务投工{3-10}天修建村组水渠"] }),
  r({ key: "bravery", title: "见义勇为", description: "见义勇为、救人于危难，记红榜2次", marks: 2, evidenceHint: "村委会或派出所证明", core: false, weight: 0.4, who: "adult",
    samples: ["{who}下河救起落水儿童", "{who}奋力扑灭邻居家柴房火灾"] }),
  r({ key: "army", title: "参军入伍", description: "子女应征入伍，记红榜2次", marks: 2, evidenceHint: "入伍通知书复印件", core: false, weight: 0.8, who: "recruit",
    samples: ["{who}应征入伍", "{who}光荣参军"] }),
  y({ key: "littering", title: "乱扔乱倒垃圾", description: "在公共场所乱扔乱倒生活或建筑垃圾，记黄榜1次", marks: 1, evidenceHint: PHOTO, core: true, weight: 10,
    samples: ["在组级公路边倾倒生活垃圾", "将建筑垃圾堆放在公路旁", "向河道倾倒垃圾"] }),
  y({ key: "burning", title: "焚烧秸秆", description: "露天焚烧秸秆、垃圾，记黄榜1次", marks: 1, evidenceHint: PHOTO, core: true, weight: 7,
    samples: ["在田间焚烧稻草秸秆", "焚烧油菜秸秆引发浓烟", "在屋后焚烧生活垃圾"] }),
  y({ key: "quarrel", title: "吵闹纠纷", description: "因琐事与他人吵闹、谩骂，影响邻里和睦，记黄榜1次", marks: 1, evidenceHint: "村调解委员会记录", core: true, weight: 6,
    samples: ["与邻居因{宅基地|田水|鸡鸭进菜地|路权}纠纷吵闹", "在村部大声吵闹、谩骂村干部"] }),
  y({ key: "lavish", title: "大操大办", description: "红白喜事大操大办、铺张浪费，记黄榜1次", marks: 1, evidenceHint: "红白理事会记录", core: true, weight: 4,
    samples: ["为{子女升学|老人寿辰|乔迁新居}大办酒席{16-40}桌", "丧事燃放大型烟花、连办酒席{3-5}天"] }),
  y({ key: "sorting", title: "垃圾不分类", description: "不按要求分类投放垃圾，经劝导仍不改正，记黄榜1次", marks: 1, evidenceHint: PHOTO, core: false, weight: 5,
    samples: ["多次未按要求分类投放垃圾", "将农药瓶混入生活垃圾投放"] }),
  y({ key: "stray", title: "放养畜禽", description: "放养畜禽损害他人庄稼或影响环境，记黄榜1次", marks: 1, evidenceHint: PHOTO, core: false, weight: 5,
    samples: ["放养鸡鸭进入他人菜地", "耕牛散放踩踏邻居油菜", "生猪散养污染组级公路"] }),
  y({ key: "clutter", title: "乱堆乱放", description: "房前屋后乱堆乱放、乱搭乱建，记黄榜1次", marks: 1, evidenceHint: PHOTO, core: false, weight: 4,
    samples: ["房前屋后乱堆柴草杂物", "在公路边违规搭建棚屋"] }),
  y({ key: "neglect", title: "不尽赡养义务", description: "不履行赡养义务、经调解仍不改正，记黄榜1次", marks: 1, evidenceHint: "村调解委员会记录", core: false, weight: 1.5,
    samples: ["拒不承担老人赡养费用", "兄弟之间推诿老人赡养"] }),
  b({ key: "drunk", title: "酒后或醉酒驾驶", description: "酒后驾驶或醉酒驾驶机动车，受到行政处罚或刑事处罚，记黑榜1次", core: true, weight: 4, who: "adult",
    samples: ["{who}酒后驾驶摩托车被查处", "{who}酒后驾驶小型汽车被查处"],
    legal: [{ authority: "石门县公安局交通警察大队", docNo: "石公(交)行罚决字〔{year}〕{0010-0999}号", weight: 7 },
      { authority: COURT, docNo: "({year})湘0726刑初{010-420}号", weight: 3, samples: ["{who}醉酒驾驶机动车，犯危险驾驶罪被判处拘役"] }] }),
  b({ key: "gambling", title: "参与赌博", description: "参与赌博受到公安机关处罚，记黑榜1次", core: true, weight: 3, who: "adult",
    samples: ["{who}参与赌博被公安机关处罚", "{who}在家中聚众赌博"],
    legal: [{ authority: POLICE, docNo: "石公(夹)行罚决字〔{year}〕{001-300}号", weight: 1 }] }),
  b({ key: "theft", title: "盗窃", description: "盗窃他人或集体财物，受到行政处罚或刑事处罚，记黑榜1次", core: true, weight: 1.5, who: "adult",
    samples: ["{who}盗窃邻居耕牛", "{who}盗窃村组水利设施电缆"],
    legal: [{ authority: POLICE, docNo: "石公(夹)行罚决字〔{year}〕{001-300}号", weight: 2 },
      { authority: COURT, docNo: "({year})湘0726刑初{010-420}号", weight: 1, samples: ["{who}盗窃他人财物数额较大，犯盗窃罪被判处有期徒刑"] }] }),
  b({ key: "violence", title: "家庭暴力", description: "实施家庭暴力，受到公安机关告诫、处罚或人民法院裁决，记黑榜1次", core: true, weight: 1, who: "adult",
    samples: ["{who}对家庭成员实施家庭暴力"],
    legal: [{ authority: POLICE, docNo: "石公(夹)家暴告字〔{year}〕{001-099}号", weight: 2, samples: ["{who}对家庭成员实施家庭暴力，被公安机关出具告诫书"] },
      { authority: COURT, docNo: "({year})湘0726民保令{1-30}号", weight: 1, samples: ["{who}对家庭成员实施家庭暴力，被人民法院裁定人身安全保护令"] }] }),
  b({ key: "fighting", title: "打架斗殴", description: "打架斗殴、故意伤害他人，受到行政处罚或刑事处罚，记黑榜1次", core: false, weight: 1.5, who: "adult",
    samples: ["{who}因纠纷与他人斗殴致人轻微伤"],
    legal: [{ authority: POLICE, docNo: "石公(夹)行罚决字〔{year}〕{001-300}号", weight: 1 }] }),
  b({ key: "fishing", title: "电鱼毒鱼", description: "电鱼、毒鱼等非法捕捞，受到行政处罚，记黑榜1次", core: false, weight: 1, who: "adult",
    samples: ["{who}在渫水河电鱼被查处"],
    legal: [{ authority: "石门县农业农村局", docNo: "石农(渔)罚〔{year}〕{01-60}号", weight: 1 }] }),
];

/**
 * A village's own wording of a catalogue rule: DESIGN.md's examples are these villages' real
 * rules (杨坪社区's poultry, postgraduate and cleaning rules; 汉丰村's returned rapeseed or phone).
 */
type Wording = Partial<Pick<RuleTemplate, "title" | "description" | "evidenceHint" | "samples">>;
const VILLAGE_WORDING: Readonly<Record<string, Readonly<Record<string, Wording>>>> = {
  YP: {
    livestock: { title: "发展家庭养殖", description: "养鸡鸭100只以上或生猪5头以上，记红榜1次",
      samples: ["年内养鸡{100-260}只", "养鸭{120-300}只、生猪{5-8}头", "年内饲养生猪{5-14}头", "散养土鸡土鸭共{100-200}只"] },
    degree: { title: "子女考取研究生", description: "子女考取硕士、博士研究生，记红榜2次", evidenceHint: "研究生录取通知书复印件",
      samples: ["{who}考取{湖南大学|中南大学|湖南师范大学|湘潭大学|武汉大学}硕士研究生", "{who}考取{中南大学|华中科技大学|湖南农业大学}博士研究生"] },
    cleaning: { title: "义务打扫公共区域", description: "义务打扫公共区域一天，记红榜1次",
      samples: ["义务打扫{社区文化广场|集镇街道|社区服务中心前坪|夹山寺游客步道}一天", "参加{春节前|国庆前}社区环境大扫除一天"] },
  },
  HF: {
    lostfound: { title: "拾金不昧", description: "拾到一袋油菜籽或手机等他人财物，主动归还失主，记红榜1次",
      samples: ["拾到一袋油菜籽（约{40-80}斤）归还失主", "拾到手机一部，当天交还失主", "拾到邻组农户掉落的一袋油菜籽，送还失主"] },
  },
};

/** The catalogue as one village words it. */
export function templatesFor(villageCode: string, templates: readonly RuleTemplate[] = CATALOGUE): RuleTemplate[] {
  const wording = VILLAGE_WORDING[villageCode] ?? {};
  return templates.map((t) => {
    const own = wording[t.key];
    return own ? { ...t, ...own } : t;
  });
}

/** Rules a village added when it revised its 细则 (the second version 汉丰村 adopted). */
export const AMENDMENTS: readonly RuleTemplate[] = [
  r({ key: "mediation", title: "调解邻里纠纷", description: "主动调解邻里矛盾纠纷并成功化解，记红榜1次", marks: 1, evidenceHint: "村调解委员会记录", core: false, weight: 4,
    samples: ["主动调解邻居间的{宅基地|田水|山林}纠纷并化解", "劝和兄弟之间的赡养纠纷"] }),
  y({ key: "fireworks", title: "违规燃放烟花爆竹", description: "在森林防火期或禁放区域燃放烟花爆竹，经劝阻不听，记黄榜1次", marks: 1, evidenceHint: PHOTO, core: false, weight: 3,
    samples: ["森林防火期在山边燃放烟花", "在禁放区域燃放鞭炮，劝阻后仍不停止"] }),
];

/** Fills a sample text: {a-b} a number, {x|y} a choice, {who} and {year} from vars. */
export function fillText(text: string, rng: { int(a: number, b: number): number }, vars: Record<string, string>): string {
  return text.replace(/\{([^}]+)\}/g, (_, inner: string) => {
    if (inner in vars) return vars[inner] ?? "";
    const range = /^(\d+)-(\d+)$/.exec(inner);
    if (range) {
      const [lo, hi] = [range[1] ?? "0", range[2] ?? "0"];
      const value = String(rng.int(Number(lo), Number(hi)));
      return lo.startsWith("0") ? value.padStart(lo.length, "0") : value;
    }
    const options = inner.split("|");
    return options[rng.int(0, options.length - 1)] ?? "";
  });
}
