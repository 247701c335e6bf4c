// Metric classification and subjects on sentences of the five reports (simplified, as the text stage gives them).
import { describe, expect, it } from "vitest";
import { extractSentenceFacts } from "../../../lib/extract/index";
import { regionFromName } from "../../../lib/extract/metadata";

const factsOf = (sentence: string, region = "临汾市") =>
  extractSentenceFacts(sentence, 0, 0, regionFromName(region)).map((f) => ({ figure: f.figure, metric: f.metric, subject: f.subject }));

describe("classifyMetric on report sentences", () => {
  it("reads post-posed subjects: 成立临时党支部68个", () => {
    expect(factsOf("在全县主要交通要道、村组、居民小区等设立检查监测站点345个，成立临时党支部68个，设立党员先锋岗1681个，5000多名党员干部踊跃参战、冲锋在前，昼夜值守。", "镇安县")).toEqual([
      { figure: "345个", metric: "checkpoints", subject: "检查监测站点" },
      { figure: "68个", metric: "branches", subject: "临时党支部" },
      { figure: "1681个", metric: "posts", subject: "党员先锋岗" },
      { figure: "5000多名", metric: "volunteers", subject: "党员干部" },
    ]);
  });

  it("reads pre-posed subjects and lists of people", () => {
    expect(factsOf("140个县直机关企事业单位、1793名党员干部到6个城市社区报到，主动参与51个居民小区防控工作。", "镇安县")).toEqual([
      { figure: "140个", metric: "other", subject: "县直机关企事业单位" },
      { figure: "1793名", metric: "volunteers", subject: "党员干部" },
      { figure: "6个", metric: "other", subject: "城市社区" },
      { figure: "51个", metric: "other", subject: "居民小区" },
    ]);
    expect(factsOf("834名村(社区)党组织书记，400多名第一书记、党建指导员和挂职干部及时到岗到位，筑牢疫情防控第一道防线。", "汕尾市")).toEqual([
      { figure: "834名", metric: "volunteers", subject: "村(社区)党组织书记" },
      { figure: "400多名", metric: "volunteers", subject: "第一书记、党建指导员和挂职干部" },
    ]);
  });

  it("classifies funds in yuan and supplies", () => {
    const facts = extractSentenceFacts("市工商联党组发动各地商会捐款捐物，累计捐赠资金1716万元、口罩83万余个及其他若干医护物资。", 0, 0, regionFromName("麻城市"));
    expect(facts.map((f) => [f.metric, f.value, f.unit, f.approx])).toEqual([
      ["funds", 17160000, "元", "exact"],
      ["supplies", 830000, "个", "at_least"],
    ]);
    expect(factsOf("全市组织系统大手笔划拨1000多万元专项党费，切实把党费用在关键处。", "汕尾市")).toEqual([{ figure: "1000多万元", metric: "funds", subject: "专项党费" }]);
  });

  it("tells teams and posts from branches and checkpoints by the head noun", () => {
    expect(factsOf("全州成立临时火线党支部28个、党员突击队132个、党员志愿服务队336个，在战疫一线戮力前行。", "海西州").map((f) => f.metric)).toEqual(["branches", "teams", "teams"]);
    expect(factsOf("设置“党员先锋岗”“党员示范岗”“党员责任岗”600余个。", "麻城市")).toEqual([{ figure: "600余个", metric: "posts", subject: "党员先锋岗、党员示范岗、党员责任岗" }]);
    expect(factsOf("襄汾县明确22个单位包联11个城区便民核酸采集点，组织居民快速有序进行核酸采集。").map((f) => f.metric)).toEqual(["other", "checkpoints"]);
    expect(factsOf("全市834个村(社区)党组织划分834个一级网格、4171个二级网格、25738个三级网格。", "汕尾市").map((f) => f.metric)).toEqual(["branches", "grids", "grids", "grids"]);
  });

  it("does not count people praised, punished, trained or condoled as volunteers", () => {
    const sentences = [
      "随即，市委组织部打出关心关爱干部暖心牌，为452名市乡村三级党组织书记送上电话慰问。",
      "对挺身而出、积极作为、无私奉献的4名一线党员、10名基层干部、8名医务工作者、20名志愿者予以第一批通报表扬。",
      "截至2月11日，全市各级组织部门累计处理20名履职不力、不担当不作为等的党员干部。",
      "全市共开展各类培训50余次，培训核酸采集、环境消杀等志愿者9537人，建立各项工作力量储备库。",
      "宣传报道抗“疫”一线先进集体28个、先进个人123名。",
    ];
    for (const sentence of sentences) {
      for (const fact of factsOf(sentence, "麻城市")) expect(fact.metric, `${fact.figure} in ${sentence}`).toBe("other");
    }
  });

  it("counts people mobilized, however the noun phrase is built", () => {
    expect(factsOf("火速动员6.8万余名机关单位下沉党员干部和社区党员、物业人员、网格员、志愿者，组建防控落实小组2.4万个。")).toEqual([
      { figure: "6.8万余名", metric: "volunteers", subject: "机关单位下沉党员干部和社区党员、物业人员、网格员、志愿者" },
      { figure: "2.4万个", metric: "teams", subject: "小组" },
    ]);
    expect(factsOf("曲沃县2085名包户在职党员干部开展巡回遍访行动。")).toEqual([{ figure: "2085名", metric: "volunteers", subject: "包户在职党员干部" }]);
    expect(factsOf("示范带动1000多名志愿者、两万多名群众自发参与到疫情防控。", "镇安县").map((f) => [f.figure, f.metric])).toEqual([
      ["1000多名", "volunteers"],
      ["两万多名", "volunteers"],
    ]);
    expect(factsOf("带动390名农民工外出就业，有组织劳务输出19批1106人。", "镇安县").map((f) => f.metric)).toEqual(["other", "other", "other"]);
  });

  it("skips counts of documents, rules and plan items", () => {
    const none = [
      "该部划定6条“硬杠杠”，提出6项举措，严明7项“铁纪律”，瞄准8条“高压线”。",
      "突出9个“硬指标”，围绕政治是否坚定等9个指标建立考核系统。",
      "对应细化完善10个专项预案和工作流程图。",
      "建立小区党员、特殊群体等7本台账。",
      "一体把握和有序衔接第九版、二十条和新十条。",
      "各级党组织严格落实《临汾市加强社区疫情防控十条措施》。",
    ];
    for (const sentence of none) expect(factsOf(sentence), sentence).toEqual([]);
  });
});
