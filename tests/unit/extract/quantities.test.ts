import { describe, expect, it } from "vitest";
import { findQuantities } from "../../../lib/extract/quantities";

const first = (text: string) => {
  const [q] = findQuantities(text);
  return q && { figure: text.slice(q.start, q.end), value: q.value, unit: q.unit, approx: q.approx };
};
const figures = (text: string) => findQuantities(text).map((q) => text.slice(q.start, q.end));

describe("findQuantities: qualifiers", () => {
  it.each([
    ["5000多名党员干部踊跃参战", "5000多名", 5000, "at_least"],
    ["1600余个基层党组织", "1600余个", 1600, "at_least"],
    ["累计捐款逾300万元", "逾300万元", 3000000, "at_least"],
    ["超过2000名志愿者", "超过2000名", 2000, "at_least"],
    ["设立卡点50个以上", "50个以上", 50, "at_least"],
    ["近4万名党员干部", "近4万名", 40000, "nearly"],
    ["将近300名党员", "将近300名", 300, "nearly"],
    ["接近1000人", "接近1000人", 1000, "nearly"],
    ["不到50人", "不到50人", 50, "nearly"],
    ["约85万元", "约85万元", 850000, "about"],
    ["大约600名群众", "大约600名", 600, "about"],
    ["200名左右党员", "200名左右", 200, "about"],
    ["成立临时党支部68个", "68个", 68, "exact"],
    ["近千名党员主动请缨", "近千名", 1000, "nearly"],
    ["千余名志愿者", "千余名", 1000, "at_least"],
    ["上万名群众", "上万名", 10000, "at_least"],
  ])("%s → %s", (text, figure, value, approx) => {
    expect(first(text)).toMatchObject({ figure, value, approx });
  });
});

describe("findQuantities: units and scaling", () => {
  it.each([
    ["划拨党费51.8万元", "51.8万元", 518000, "元"],
    ["捐赠208多万元", "208多万元", 2080000, "元"],
    ["共筹集善款1000余万元", "1000余万元", 10000000, "元"],
    ["下拨资金1.2亿元", "1.2亿元", 120000000, "元"],
    ["捐款5千元", "5千元", 5000, "元"],
    ["口罩83万余个", "83万余个", 830000, "个"],
    ["口罩4万多个", "4万多个", 40000, "个"],
    ["成立疫情排查等“五队”770支", "770支", 770, "支"],
    ["两万多名群众", "两万多名", 20000, "名"],
    ["10.9万名党员", "10.9万名", 109000, "名"],
    ["全区1,286名党员", "1,286名", 1286, "名"],
    ["蔬菜2万余斤", "2万余斤", 20000, "斤"],
    ["工作餐2万余份", "2万余份", 20000, "份"],
    ["复工复产企业30家", "30家", 30, "家"],
    ["设立卡点156处", "156处", 156, "处"],
    ["劳务输出19批1106人", "19批", 19, "批"],
    ["动态掌握城区8万居民信息", "8万", 80000, ""],
  ])("%s → %s", (text, figure, value, unit) => {
    expect(first(text)).toMatchObject({ figure, value, unit });
  });
});

describe("findQuantities: figures that are not counts", () => {
  it.each([
    ["截至2月11日，全市各级组织部门收到线索", "date"],
    ["2020年青海省交通领域重大项目正式启动", "year"],
    ["1月28日以来", "date"],
    ["这个现年38岁的老党员", "age"],
    ["西畈社区74岁的老党员", "age"],
    ["90后女党员主动请战", "generation"],
    ["已经连续在一线奋战了20余天", "duration"],
    ["全天候24小时运行值守", "duration"],
    ["连续工作16天后突然晕倒", "duration"],
    ["1天内", "duration"],
    ["坚持了3个月", "duration"],
    ["开复工率达到73.1%", "percentage"],
    ["出台《支持产业就业增加农民收入三十条措施》", "book title"],
    ["细化完善小区“1+10+7”应急预案体系", "formula in quotes"],
    ["打好“6789”组合拳", "name in quotes"],
    ["落实“5+5+5”工作指引", "formula"],
    ["建立和发挥“三级书记”抓疫情防控指揮体系", "name in quotes"],
    ["推动指挥、协调、督导“三个靠前”", "slogan in quotes"],
    ["树立全市“一盘棋”思想", "idiom"],
    ["参加过2003年抗击非典的老兵", "year"],
    ["让党旗在疫情防控斗争第一线高高飘扬", "idiom 第一线"],
    ["坚守在抗疫一线", "idiom 一线"],
    ["筑牢疫情防控第一道防线", "ordinal"],
    ["各单位“一把手”统筹调度人员力量", "idiom"],
    ["通过一对一、一对多联户帮扶", "idiom"],
    ["是一名老干部", "article 一"],
    ["消毒粉等防疫物资一批", "一批 without a count"],
    ["新冠肺炎COVID-19疫情", "code"],
    ["万众一心、众志成城", "idiom"],
    ["拨打12345热线", "hotline"],
    ["排名前3名", "ranking"],
    ["以每斤2.5元/斤的价格", "rate"],
    ["两手齐抓", "no unit"],
  ])("%s (%s)", (text) => {
    expect(figures(text)).toEqual([]);
  });

  it("keeps real figures next to non-facts", () => {
    expect(figures("截至2月27日，全州163家规模以上工业企业开复工率达到73.1%")).toEqual(["163家"]);
    expect(figures("全市834个村(社区)党组织划分834个一级网格、4171个二级网格")).toEqual(["834个", "834个", "4171个"]);
    expect(figures("有组织劳务输出19批1106人，复工复产企业30家")).toEqual(["19批", "1106人", "30家"]);
  });
});
