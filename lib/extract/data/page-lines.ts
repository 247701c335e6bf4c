// Lines of a saved news page that are not the article's headline: what each looks like on real portals and news
// sites (text in simplified Chinese: metadata reads the clean text). Tried against whole trimmed lines.
export type PageLineKind = "breadcrumb" | "site" | "navigation" | "photo-credit" | "footer" | "header" | "byline";

export const PAGE_LINE_PATTERNS: { kind: PageLineKind; pattern: RegExp }[] = [
  // 当前位置: 首页>>…, 您当前的位置 : …网 >> …新闻 >> …, 首页 > 新闻动态 > …, 位置：首页 → 要闻, … > 正文
  { kind: "breadcrumb", pattern: /(当前位置|当前的位置|您的位置|你的位置|所在位置|现在位置|^位置)\s*[:：]/ },
  { kind: "breadcrumb", pattern: /(^|\s)(首页|主页|网站首页)\s*(>|>>|＞|》|›|»|→|\/|-)/ },
  { kind: "breadcrumb", pattern: /\S\s*(>>?|＞|›|»|→)\s*\S.*(>>?|＞|›|»|→)\s*\S/ },
  { kind: "breadcrumb", pattern: /(>|>>|＞|›|»)\s*正文$/ },
  // Portal furniture: 设为首页 加入收藏, 网站地图, 无障碍浏览, 繁体版, 打印 关闭窗口, 【字体：大 中 小】
  { kind: "navigation", pattern: /(设为首页|加入收藏|网站地图|无障碍|繁体版|简体版|English|登录|注册|关闭窗口|打印本页|打印此页|返回顶部|上一篇|下一篇|相关阅读|相关新闻|推荐阅读|热点新闻|分享到)/ },
  { kind: "navigation", pattern: /(字体|字号)\s*[:：]?\s*[【[]?\s*[大中小]/ },
  { kind: "navigation", pattern: /^[【[]?\s*(打印|关闭|收藏|纠错|返回)\s*[】\]]?$/ },
  // Site names: 某某县人民政府, 某某新闻网, 某某县融媒体中心, 某某日报 — alone on their line.
  { kind: "site", pattern: /^[\u4e00-\u9fa5]{0,16}(人民政府|政府网|门户网站|政务网|新闻网|网站|官网|融媒体中心|新闻中心|电视台|广播电视台|日报|晚报|时报|报社)(欢迎您|欢迎你)?$/ },
  // 中国发展网, 乡村干部报 — but not a headline ending in 防控网 or 安全网.
  { kind: "site", pattern: /^(?![\u4e00-\u9fa5]*(防控|防护|安全|保障|服务|关爱|防疫|责任|联防|捷|喜|情)[网报]$)[\u4e00-\u9fa5]{2,9}[网报](网)?$/ },
  { kind: "site", pattern: /^欢迎(访问|来到|光临)/ },
  // Photo credits and captions: 通讯员供图, 记者 张三 摄, 图为…, 图片来源：…, 资料图片
  { kind: "photo-credit", pattern: /(供图|摄影[:：]|图片来源|图片由.{1,20}提供|资料图|配图|^图为|^▲|^△|^图[：:\/]|(记者|通讯员|特约)\s*[\u4e00-\u9fa5·]{2,4}\s*摄$|\s摄$|^\S{2,4}\s*摄$)/ },
  // Footers: ICP and public security filing numbers, copyright, sponsors, contacts.
  { kind: "footer", pattern: /(ICP|icp|备案|公网安备|版权所有|Copyright|copyright|©|主办单位|承办单位|主办[:：]|承办[:：]|技术支持|网站标识码|政府网站标识|联系电话|联系我们|联系方式|电子邮箱|邮编|E-?mail|违法和不良信息|举报电话|建议使用.{0,20}浏览器|分辨率)/ },
  // Header lines around the date: 发布时间：…, 来源：…, 作者：…, 浏览次数：…
  { kind: "header", pattern: /(发布时间|发布日期|发表时间|发稿时间|更新时间|时间\s*[:：]|日期\s*[:：]|来源\s*[:：]|稿源\s*[:：]|出处\s*[:：]|作者\s*[:：]|浏览(次数|量)?\s*[:：]|点击(数|量|率)?\s*[:：]|阅读(数|量)?\s*[:：]|访问量|信息来源|文章来源|【\s*(来源|作者))/ },
  // Bylines and contributors: (记者 张三 通讯员 李四), 通讯员：…, (市委组织部供稿), 撰稿：…, 编辑：…
  { kind: "byline", pattern: /^[(（【[]?\s*(记者|通讯员|特约记者|特约通讯员|作者|文\/图|文|图|撰稿|供稿|编辑|责编|责任编辑|审核|审校|校对|编审|终审|签发|摄影|摄像|通讯员)(\s|[:：／\/]|$)/ },
  { kind: "byline", pattern: /供稿\s*[)）】\]]?$/ },
];

/** Outlets' names end so: 某某日报, 某某新闻网, 新华社, 某某电视台, 某某融媒体中心. */
export const OUTLET_SUFFIX = "(?:日报|晚报|时报|早报|商报|都市报|报|新闻网|网|广播电视台|电视台|台|通讯社|社|融媒体中心|新闻中心|客户端|杂志|周刊)";

/**
 * Lines where an outlet never comes from: contributors (供稿), correspondents, reporters, authors and editors name
 * people or the department that sent the text, not the outlet that published it.
 */
export const NOT_OUTLET_LINE = /(供稿|通讯员|记者|作者|编辑|责编|撰稿|摄影|审核|校对)/;
