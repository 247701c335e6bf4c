// Generalisation: sentences written for this test in the style of county and city reports, none taken from the
// five annotated reports. Each lists the headline facts expected, in order; other figures must be "other" or absent.
import { describe, expect, it } from "vitest";
import { extractSentenceFacts } from "../../../lib/extract/index";
import { regionFromName } from "../../../lib/extract/metadata";
import { HEADLINE_METRICS } from "../../../lib/extract/evaluate";

type Expected = [metric: string, value: number, scope?: string | null];

const CASES: Array<[region: string, sentence: string, expected: Expected[]]> = [
  ["宁陕县", "县委组织部第一时间成立疫情防控工作专班，从县直部门抽调85名党员干部组成12个督导组，分赴11个镇开展督导。", [["volunteers", 85]]],
  ["宁陕县", "城关镇组建党员突击队15支、巡逻队22支，在辖区设立劝返点18个，安排党员值守。", [["checkpoints", 18, "城关镇"]]],
  ["宁陕县", "全县1800余名党员干部捐款共计96.3万元，全部用于疫情防控一线。", [["volunteers", 1800], ["funds", 963000]]],
  ["宁陕县", "截至目前，全县已有3126名在职党员到村(社区)报到，认领服务岗位4000余个，开展志愿服务1.5万余人次。", [["volunteers", 3126]]],
  ["宁陕县", "该县为76名在疫情防控中表现突出的党员颁发荣誉证书，对3名工作不力的干部进行了约谈。", []],
  ["宁陕县", "全县68个村级党组织共设置党员责任岗520个，组织1460名农村党员参与村组卡口值守。", [["branches", 68], ["volunteers", 1460]]],
  ["宁陕县", "四亩地镇党委书记带领23名党员干部连续奋战15个昼夜，排查外来人员2300余人。", [["volunteers", 23, "四亩地镇"]]],
  ["宁陕县", "县财政累计拨付疫情防控资金2800万元，县委组织部下拨党费85万元。", [["funds", 28000000], ["funds", 850000]]],
  ["宁陕县", "全县建成方舱医院1所，改造隔离病房200余间，新增床位600张。", []],
  ["宁陕县", "在全县各交通要道设立卡口检查站37个、执勤点126处，每个卡点安排2名党员轮流值守。", [["checkpoints", 37], ["checkpoints", 126]]],
  ["宁陕县", "江口回族镇党委组织全镇130余名党员开展“敲门行动”，走访群众4200余户。", [["volunteers", 130, "江口回族镇"]]],
  ["宁陕县", "该县组织两千余名党员干部下沉到全县186个小区，成立小区临时党支部186个。", [["volunteers", 2000], ["branches", 186]]],
  ["某某市", "全市2.3万名党员干部下沉一线，覆盖1200余个小区。", [["volunteers", 23000]]],
  ["某某市", "近千名党员主动请缨，千余名志愿者坚守卡口。", [["volunteers", 1000], ["volunteers", 1000]]],
  ["某某市", "累计排查返乡人员3.2万人，隔离观察人员560人，培训网格员2000余人。", []],
  ["某某市", "为奋战在一线的1200名医务人员发放慰问金60万元。", [["funds", 600000]]],
  ["某某市", "组建了由120名党员组成的突击队8支，先后派出3批共156名医护人员驰援武汉。", [["volunteers", 120], ["volunteers", 156]]],
  ["某某市", "建立网格党支部56个，划分网格1240个，配备网格员1300名。", [["branches", 56], ["volunteers", 1300]]],
  ["某某市", "全市1.2万余名“两代表一委员”积极参与联防联控。", [["volunteers", 12000]]],
  ["某某市", "各级党组织累计捐款386.5万元，以每斤2.5元的价格采购蔬菜3万斤。", [["funds", 3865000]]],
  ["某某市", "前3名的党支部获得表彰，第2批党员突击队于2月3日出征，全市GDP同比下降3.5%。", []],
  ["某某市", "目前，全市共有党员1.2万名。", []],
  ["某某区", "全区共设立核酸采样点42个，发放口罩15万只，新建临时党委3个、功能型党支部27个。", [["checkpoints", 42], ["branches", 3], ["branches", 27]]],
  ["某某县", "全县组建党员突击队123支2400余人，党员志愿服务队56支1800人。", [["volunteers", 2400], ["volunteers", 1800]]],
  ["某某县", "共有183名党员火线入党，火线发展党员56名。", []],
  ["某某县", "32个县直单位、2100余名干部职工包联全县42个小区。", [["volunteers", 2100]]],
  ["某某县", "共设立临时党支部(党小组)46个，累计下沉党员干部1.6万人次。", [["branches", 46]]],
  ["某某市", "全市组织三个县成立临时党支部30个，四亩地镇成立临时党支部3个。", [["branches", 30, null], ["branches", 3, "四亩地镇"]]],
  ["某某县", "县卫健局派出医疗队3支共45人，分赴各乡镇开展巡回医疗。", [["volunteers", 45]]],
  ["某某市", "为全市4.3万名一线工作人员购买保险。", []],
  ["某某县", "疫情防控期间，全县共有487个基层党组织、9200余名党员参与联防联控。", [["branches", 487], ["volunteers", 9200]]],
  ["某某县", "县直机关工委组建了27支机关党员志愿服务队，共有志愿者680人，深入小区开展服务。", [["volunteers", 680]]],
  ["某某县", "县委组织部从代管党费中划拨85万元，专项用于慰问一线医务人员和基层干部。", [["funds", 850000]]],
  ["某某县", "该县3200多名在外务工党员就地就近向所在地党组织报到。", [["volunteers", 3200]]],
  ["某某县", "各乡镇共为1.8万户困难家庭送去米面油等生活物资。", []],
  ["某某县", "全县54名党员干部因表现突出被提拔重用，12名干部因履职不力被问责。", []],
  ["某某县", "县委组织部共收到党员自愿捐款5326笔，合计102.6万元。", [["funds", 1026000]]],
  ["某某县", "在柳林镇，镇党委组建了6支党员先锋队，设立了14个值守点。", [["checkpoints", 14, "柳林镇"]]],
  ["某某区", "东湖街道5个社区党组织迅速行动，组织420余名党员志愿者参与封控值守。", [["branches", 5, "东湖街道"], ["volunteers", 420, "东湖街道"]]],
];

describe("held-out sentences", () => {
  it.each(CASES)("%s: %s", (region, sentence, expected) => {
    const facts = extractSentenceFacts(sentence, 0, 0, regionFromName(region)).filter((f) => (HEADLINE_METRICS as readonly string[]).includes(f.metric) && f.scope.type !== "per-unit");
    expect(facts.map((f) => [f.metric, f.value, ...(expected.some((e) => e.length > 2) ? [f.scope.name] : [])])).toEqual(
      expected.map((e) => (expected.some((x) => x.length > 2) ? [e[0], e[1], e[2] ?? null] : [e[0], e[1]])),
    );
  });
});
