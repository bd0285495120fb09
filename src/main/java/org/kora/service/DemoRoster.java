package org.kora.service;

import java.util.List;
import java.util.Map;

import org.kora.domain.Profession;
import org.kora.domain.SignOffLevel;

/**
 * The fixed part of the demo: two hospital pairings modelled on the Shuangliu → Batang program,
 * their departments, trainees, mentors and curricula. Everything that depends on the date or on
 * chance is made by {@link DemoService}.
 */
final class DemoRoster {
    /** A department at both hospitals of a pairing: the home side's staffing and the partner side's capacity. */
    record Unit(String name, int headcount, int minOnDuty, int hostCapacity) {
    }

    /** A trainee; a newcomer may only go once they have served a while, which shows the planner's window rule. */
    record Person(String name, String unit, Profession profession, String title, String notes, boolean newcomer) {
    }

    /** A partner-hospital doctor who mentors one home department. */
    record Expert(String name, String unit, int capacity) {
    }

    /** A home hospital, its partner, the departments they share, and the people of each side. */
    record Pairing(String home, String partner, String staffPrefix, List<Unit> units, List<Person> people,
                   List<Expert> experts) {
    }

    /** An item of a curriculum. */
    record Skill(String nameZh, String nameEn, String category, int requiredCount, SignOffLevel level) {
    }

    static final String ANAESTHESIA = "麻醉科";
    static final String OPHTHALMOLOGY = "眼科";
    static final String EMERGENCY = "急诊科";
    static final String DIALYSIS = "血液透析室";
    static final String STOMATOLOGY = "口腔科";
    static final String OBSTETRICS = "产科";
    static final String INTERNAL = "内科";
    static final String SURGERY = "普外科";
    static final String HEALTH_CHECK = "健康体检中心";

    static final Pairing BATANG = new Pairing("巴塘县人民医院", "成都市双流区第一人民医院", "SL",
            List.of(
                    new Unit(ANAESTHESIA, 8, 6, 3),
                    new Unit(OPHTHALMOLOGY, 5, 4, 2),
                    new Unit(EMERGENCY, 14, 11, 4),
                    new Unit(DIALYSIS, 9, 7, 2),
                    new Unit(STOMATOLOGY, 4, 3, 2),
                    new Unit(OBSTETRICS, 12, 10, 3),
                    new Unit(INTERNAL, 14, 11, 4),
                    new Unit(SURGERY, 10, 8, 3),
                    new Unit(HEALTH_CHECK, 6, 5, 1)),
            List.of(
                    doctor("扎西次仁", ANAESTHESIA, "住院医师", "藏汉双语，常协助科室与藏语患者沟通"),
                    doctor("王丽", ANAESTHESIA, "主治医师", "曾在成都短期进修三个月"),
                    doctor("洛绒降措", ANAESTHESIA, "住院医师", null),
                    doctor("ཚེ་དབང་རྡོ་རྗེ", ANAESTHESIA, "住院医师", null),
                    nurse("泽仁拉姆", ANAESTHESIA, "护师", "麻醉护士"),
                    doctor("格桑曲珍", OPHTHALMOLOGY, "住院医师", null),
                    doctor("陈建华", OPHTHALMOLOGY, "主治医师", null),
                    technician("四郎多吉", OPHTHALMOLOGY, "技师", "负责验光与视野检查"),
                    doctor("尼玛顿珠", EMERGENCY, "住院医师", null),
                    nurse("央金拉姆", EMERGENCY, "护师", null),
                    doctor("达瓦次仁", EMERGENCY, "主治医师", "院前急救组组长"),
                    doctor("བཀྲ་ཤིས་ཚེ་རིང", EMERGENCY, "住院医师", null),
                    doctor("李志强", EMERGENCY, "住院医师", null),
                    nurse("德吉卓玛", DIALYSIS, "主管护师", "透析室护理组长"),
                    nurse("次仁旺姆", DIALYSIS, "护师", null),
                    newcomer("张敏", DIALYSIS, Profession.NURSE, "护士"),
                    nurse("བདེ་སྐྱིད་སྒྲོལ་མ", DIALYSIS, "护师", null),
                    doctor("降央卓玛", STOMATOLOGY, "住院医师", null),
                    doctor("仁青多吉", STOMATOLOGY, "主治医师", null),
                    technician("刘洋", STOMATOLOGY, "技士", "口腔修复工艺"),
                    doctor("益西措姆", OBSTETRICS, "住院医师", null),
                    nurse("拉姆措", OBSTETRICS, "护师", "助产士"),
                    nurse("སྐལ་བཟང་ཆོས་སྒྲོན", OBSTETRICS, "主管护师", "助产士"),
                    doctor("卓玛央宗", OBSTETRICS, "主治医师", null),
                    nurse("杨秀英", OBSTETRICS, "护师", null),
                    doctor("贡布泽仁", INTERNAL, "住院医师", null),
                    nurse("呷绒翁姆", INTERNAL, "护师", "家在乡镇，外派前需提前安排交通"),
                    doctor("洛桑丹增", INTERNAL, "主治医师", null),
                    doctor("周涛", INTERNAL, "住院医师", null),
                    doctor("索朗多吉", INTERNAL, "住院医师", null),
                    doctor("丹增曲扎", SURGERY, "住院医师", null),
                    nurse("彭措卓嘎", SURGERY, "护师", null),
                    doctor("阿旺扎巴", SURGERY, "主治医师", null),
                    newcomer("何婷", SURGERY, Profession.NURSE, "护士"),
                    technician("白玛泽仁", HEALTH_CHECK, "技师", "超声岗位"),
                    nurse("格绒拉姆", HEALTH_CHECK, "护师", null)),
            List.of(
                    new Expert("周建军", ANAESTHESIA, 2),
                    new Expert("李晓燕", OPHTHALMOLOGY, 1),
                    new Expert("王海涛", EMERGENCY, 3),
                    new Expert("陈静", DIALYSIS, 2),
                    new Expert("张卫东", STOMATOLOGY, 1),
                    new Expert("刘佳", OBSTETRICS, 2),
                    new Expert("黄志勇", INTERNAL, 3),
                    new Expert("杨帆", SURGERY, 2),
                    new Expert("吴敏", HEALTH_CHECK, 1)));

    static final Pairing LITANG = new Pairing("理塘县人民医院", "成都市温江区人民医院", "WJ",
            List.of(
                    new Unit(ANAESTHESIA, 6, 5, 2),
                    new Unit(OBSTETRICS, 10, 8, 2),
                    new Unit(INTERNAL, 12, 10, 3)),
            List.of(
                    doctor("多吉泽仁", ANAESTHESIA, "住院医师", null),
                    nurse("扎西卓玛", ANAESTHESIA, "护师", null),
                    doctor("次仁卓玛", OBSTETRICS, "住院医师", null),
                    nurse("པདྨ་ལྷ་མོ", OBSTETRICS, "护师", "助产士"),
                    doctor("夏绒邓珠", OBSTETRICS, "主治医师", null),
                    doctor("巴桑", INTERNAL, "住院医师", null),
                    nurse("曲措", INTERNAL, "护师", null),
                    doctor("黄伟", INTERNAL, "主治医师", "藏语学习中")),
            List.of(
                    new Expert("赵明", ANAESTHESIA, 1),
                    new Expert("郑丽华", OBSTETRICS, 2),
                    new Expert("孙浩", INTERNAL, 2)));

    static final List<Pairing> PAIRINGS = List.of(BATANG, LITANG);

    /** Curricula by department name; both home hospitals teach the same items. */
    static final Map<String, List<Skill>> CURRICULA = Map.of(
            ANAESTHESIA, List.of(
                    new Skill("分娩镇痛硬膜外穿刺", "Labour epidural analgesia", "区域麻醉", 10, SignOffLevel.SUPERVISED),
                    new Skill("内镜检查镇静", "Sedation for endoscopy", "镇静镇痛", 15, SignOffLevel.INDEPENDENT),
                    new Skill("困难气道管理", "Difficult airway management", "气道管理", 5, SignOffLevel.SUPERVISED),
                    new Skill("剖宫产椎管内麻醉", "Spinal anaesthesia for caesarean section", "区域麻醉", 8,
                            SignOffLevel.INDEPENDENT),
                    new Skill("超声引导神经阻滞", "Ultrasound-guided nerve block", "区域麻醉", 6, SignOffLevel.SUPERVISED),
                    new Skill("高原患者术前评估", "Pre-operative assessment at high altitude", "围术期管理", 10,
                            SignOffLevel.INDEPENDENT)),
            OPHTHALMOLOGY, List.of(
                    new Skill("裂隙灯检查", "Slit-lamp examination", "检查", 20, SignOffLevel.INDEPENDENT),
                    new Skill("白内障超声乳化", "Phacoemulsification", "手术", 10, SignOffLevel.SUPERVISED),
                    new Skill("间接检眼镜眼底检查", "Fundus examination by indirect ophthalmoscopy", "检查", 15,
                            SignOffLevel.INDEPENDENT),
                    new Skill("眼压测量", "Tonometry", "检查", 10, SignOffLevel.INDEPENDENT),
                    new Skill("翼状胬肉切除", "Pterygium excision", "手术", 5, SignOffLevel.SUPERVISED),
                    new Skill("眼外伤急诊处理", "Emergency care of eye injuries", "急诊", 4, SignOffLevel.SUPERVISED)),
            EMERGENCY, List.of(
                    new Skill("急诊分诊", "Emergency triage", "分诊", 20, SignOffLevel.INDEPENDENT),
                    new Skill("心肺复苏", "Cardiopulmonary resuscitation", "复苏", 5, SignOffLevel.INDEPENDENT),
                    new Skill("气管插管", "Endotracheal intubation", "气道管理", 5, SignOffLevel.SUPERVISED),
                    new Skill("创伤初级评估", "Primary trauma survey", "创伤", 10, SignOffLevel.SUPERVISED),
                    new Skill("急性高原病处理", "Management of acute mountain sickness", "高原病", 6,
                            SignOffLevel.INDEPENDENT),
                    new Skill("电除颤", "Defibrillation", "复苏", 3, SignOffLevel.SUPERVISED)),
            DIALYSIS, List.of(
                    new Skill("动静脉内瘘穿刺", "Arteriovenous fistula cannulation", "血管通路", 20,
                            SignOffLevel.INDEPENDENT),
                    new Skill("中心静脉导管护理", "Central venous catheter care", "血管通路", 10, SignOffLevel.INDEPENDENT),
                    new Skill("透析上下机操作", "Starting and ending a dialysis session", "操作", 20,
                            SignOffLevel.INDEPENDENT),
                    new Skill("透析中低血压处理", "Managing intradialytic hypotension", "并发症", 5, SignOffLevel.SUPERVISED),
                    new Skill("水处理系统监测", "Water treatment monitoring", "设备", 4, SignOffLevel.SUPERVISED)),
            STOMATOLOGY, List.of(
                    new Skill("牙拔除术", "Tooth extraction", "口腔外科", 15, SignOffLevel.INDEPENDENT),
                    new Skill("阻生智齿拔除", "Removal of an impacted wisdom tooth", "口腔外科", 5, SignOffLevel.SUPERVISED),
                    new Skill("根管治疗", "Root canal treatment", "牙体牙髓", 8, SignOffLevel.SUPERVISED),
                    new Skill("复合树脂充填", "Composite resin filling", "牙体牙髓", 15, SignOffLevel.INDEPENDENT),
                    new Skill("下牙槽神经阻滞麻醉", "Inferior alveolar nerve block", "局部麻醉", 10,
                            SignOffLevel.INDEPENDENT),
                    new Skill("龈上洁治", "Supragingival scaling", "牙周", 10, SignOffLevel.INDEPENDENT)),
            OBSTETRICS, List.of(
                    new Skill("正常分娩接产", "Conducting a normal delivery", "产程管理", 10, SignOffLevel.INDEPENDENT),
                    new Skill("产后出血处理", "Management of postpartum haemorrhage", "急救", 3, SignOffLevel.SUPERVISED),
                    new Skill("剖宫产术", "Caesarean section", "手术", 5, SignOffLevel.SUPERVISED),
                    new Skill("胎心监护判读", "Cardiotocography interpretation", "监护", 15, SignOffLevel.INDEPENDENT),
                    new Skill("新生儿复苏", "Neonatal resuscitation", "急救", 4, SignOffLevel.SUPERVISED),
                    new Skill("会阴裂伤缝合", "Perineal tear repair", "产程管理", 6, SignOffLevel.INDEPENDENT)),
            INTERNAL, List.of(
                    new Skill("心电图判读", "ECG interpretation", "诊断", 20, SignOffLevel.INDEPENDENT),
                    new Skill("慢阻肺急性加重处理", "Management of a COPD exacerbation", "呼吸", 6, SignOffLevel.SUPERVISED),
                    new Skill("高原心脏病诊治", "High-altitude heart disease", "心血管", 4, SignOffLevel.SUPERVISED),
                    new Skill("胸腔穿刺术", "Thoracentesis", "操作", 3, SignOffLevel.SUPERVISED),
                    new Skill("糖尿病规范化管理", "Structured diabetes care", "慢病管理", 10, SignOffLevel.INDEPENDENT),
                    new Skill("包虫病筛查与随访", "Echinococcosis screening and follow-up", "地方病", 5,
                            SignOffLevel.SUPERVISED)),
            SURGERY, List.of(
                    new Skill("清创缝合", "Wound debridement and suturing", "基本操作", 15, SignOffLevel.INDEPENDENT),
                    new Skill("阑尾切除术", "Appendicectomy", "手术", 5, SignOffLevel.SUPERVISED),
                    new Skill("腹股沟疝修补术", "Inguinal hernia repair", "手术", 5, SignOffLevel.SUPERVISED),
                    new Skill("腹腔镜胆囊切除术（助手）", "Laparoscopic cholecystectomy, as assistant", "手术", 6,
                            SignOffLevel.ASSISTED),
                    new Skill("急腹症评估", "Assessment of the acute abdomen", "诊断", 10, SignOffLevel.INDEPENDENT)),
            HEALTH_CHECK, List.of(
                    new Skill("体检报告解读", "Interpreting health-check reports", "报告", 20, SignOffLevel.INDEPENDENT),
                    new Skill("腹部超声筛查", "Abdominal ultrasound screening", "超声", 20, SignOffLevel.SUPERVISED),
                    new Skill("肺功能检查", "Spirometry", "检查", 10, SignOffLevel.INDEPENDENT),
                    new Skill("静脉采血", "Venepuncture", "基本操作", 15, SignOffLevel.INDEPENDENT),
                    new Skill("健康宣教", "Health counselling", "宣教", 10, SignOffLevel.INDEPENDENT)));

    /** Said by a mentor now and then; never about a patient by name. */
    static final List<String> COMMENTS = List.of(
            "操作规范，步骤清晰",
            "无菌观念强",
            "用藏语与患者沟通良好",
            "独立完成，无并发症",
            "解剖定位需加强",
            "下次可尝试独立完成",
            "高原缺氧条件下处理得当",
            "术前准备充分");

    private DemoRoster() {
    }

    private static Person doctor(String name, String unit, String title, String notes) {
        return new Person(name, unit, Profession.DOCTOR, title, notes, false);
    }

    private static Person nurse(String name, String unit, String title, String notes) {
        return new Person(name, unit, Profession.NURSE, title, notes, false);
    }

    private static Person technician(String name, String unit, String title, String notes) {
        return new Person(name, unit, Profession.TECHNICIAN, title, notes, false);
    }

    private static Person newcomer(String name, String unit, Profession profession, String title) {
        return new Person(name, unit, profession, title, null, true);
    }
}
