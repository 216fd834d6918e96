//! Four sample blueprints, each written in both languages and built in the user's one: a
//! hotel stay, a restaurant meal, a bank loan application, and handling a customer complaint
//! through to service recovery.
//!
//! Each text is a (Chinese, English) pair, so a sample is one structure with two wordings
//! and a Chinese and an English copy compute the same figures. A step's name is free text in
//! one language, as a user's own would be, so the copy is built in the language chosen when
//! it is created. No source gives these times: every sample is marked
//! `illustrative_times`, and its scenario says so.

use super::model::{
    Benchmark, Blueprint, Connector, ElementKind, FailPoint, Lane, Measure, Moment, Phase,
    ServiceElement, ServiceValue, Step, StepId, StepKind, WaitPoint,
};
use crate::i18n::Lang;
use crate::working::Name;

/// (Chinese, English).
type T = (&'static str, &'static str);

/// The samples a new blueprint can start from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Sample {
    HotelStay,
    RestaurantMeal,
    LoanApplication,
    ComplaintRecovery,
}

impl Sample {
    pub const ALL: [Sample; 4] = [
        Sample::HotelStay,
        Sample::RestaurantMeal,
        Sample::LoanApplication,
        Sample::ComplaintRecovery,
    ];

    /// The sample's title in both languages.
    pub fn title(self) -> Name {
        let (zh, en) = match self {
            Sample::HotelStay => ("酒店住宿", "A hotel stay"),
            Sample::RestaurantMeal => ("餐厅用餐", "A restaurant meal"),
            Sample::LoanApplication => ("银行贷款申请", "A bank loan application"),
            Sample::ComplaintRecovery => (
                "客户投诉处理与服务补救",
                "Handling a complaint through to service recovery",
            ),
        };
        Name { en, zh }
    }

    /// The sample as a new blueprint with `id`, worded in `lang`.
    pub fn build(self, id: u64, lang: Lang) -> Blueprint {
        let mut b = Builder {
            bp: Blueprint::new(id, self.title().in_lang(lang)),
            lang,
        };
        b.bp.illustrative_times = true;
        match self {
            Sample::HotelStay => hotel(&mut b),
            Sample::RestaurantMeal => restaurant(&mut b),
            Sample::LoanApplication => loan(&mut b),
            Sample::ComplaintRecovery => complaint(&mut b),
        }
        b.bp
    }
}

const ILLUSTRATIVE: T = (
    "（时间为示意，非实测）",
    " (times are illustrative, not measured)",
);

/// A wait whose facts start as the bare wait: unoccupied, unexplained, of unknown length.
const BARE: WaitPoint = WaitPoint {
    expected_minutes: 0.0,
    worst_minutes: None,
    when: Moment::During,
    occupied: false,
    anxious: false,
    known_duration: false,
    explained: false,
    fair: true,
    alone: false,
    comfortable: true,
    familiar: true,
    value: ServiceValue::Medium,
};

struct Builder {
    bp: Blueprint,
    lang: Lang,
}

impl Builder {
    fn text(&self, t: T) -> String {
        match self.lang {
            Lang::Zh => t.0,
            Lang::En => t.1,
        }
        .to_owned()
    }

    fn about(&mut self, scenario: T, persona: T) {
        self.bp.scenario = self.text(scenario) + &self.text(ILLUSTRATIVE);
        self.bp.persona = self.text(persona);
    }

    fn phase(&mut self, name: T, from: u32, to: u32) {
        let name = self.text(name);
        self.bp.phases.push(Phase { name, from, to });
    }

    fn step(&mut self, id: StepId, lane: Lane, column: u32, name: T, minutes: f64) {
        let mut step = Step::new(id, lane, column, &self.text(name));
        step.minutes = Some(minutes);
        self.bp.steps.push(step);
    }

    /// An evidence step: what the customer sees; it takes no time of its own.
    fn evidence(&mut self, id: StepId, column: u32, name: T) {
        let text = self.text(name);
        let mut step = Step::new(id, Lane::Evidence, column, &text);
        step.evidence = text;
        self.bp.steps.push(step);
        // The customer action in the column is tied to it.
        if let Some(customer) = self
            .bp
            .steps
            .iter_mut()
            .find(|s| s.lane == Lane::Customer && s.column == column)
        {
            customer.evidence_step = Some(id);
        }
    }

    fn arrows(&mut self, pairs: &[(StepId, StepId)]) {
        for &(from, to) in pairs {
            self.bp.connectors.push(Connector::new(from, to));
        }
    }

    fn branch(&mut self, from: StepId, to: StepId, label: T) {
        let label = self.text(label);
        self.bp.connectors.push(Connector {
            from,
            to,
            both_ways: false,
            label,
        });
        if let Some(step) = self.bp.step_mut(from) {
            step.kind = StepKind::Decision;
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn fail(
        &mut self,
        id: StepId,
        what: T,
        likelihood: u8,
        impact: u8,
        standard: T,
        recovery: T,
        owner: T,
    ) {
        let fail = FailPoint {
            what: self.text(what),
            likelihood,
            impact,
            standard: self.text(standard),
            recovery: self.text(recovery),
            owner: self.text(owner),
        };
        if let Some(step) = self.bp.step_mut(id) {
            step.fail_point = Some(fail);
        }
    }

    fn wait(&mut self, id: StepId, wait: WaitPoint) {
        if let Some(step) = self.bp.step_mut(id) {
            step.wait_point = Some(wait);
        }
    }

    fn element(&mut self, kind: ElementKind, present: bool, step: Option<StepId>) {
        self.bp.elements.push(ServiceElement {
            kind,
            present,
            step,
            note: String::new(),
        });
    }

    fn benchmark(
        &mut self,
        step: StepId,
        measure: Measure,
        competitor: T,
        theirs: f64,
        ours: Option<f64>,
    ) {
        let competitor = self.text(competitor);
        self.bp.benchmarks.push(Benchmark {
            step,
            measure,
            competitor,
            theirs,
            ours,
        });
    }
}

fn hotel(b: &mut Builder) {
    use Lane::*;
    b.about(
        ("商务旅客周末入住一晚，叫一次客房送餐，次日退房", "A business traveller stays one night, orders room service once and checks out the next day"),
        ("商务旅客，第一次入住本店", "A business traveller staying here for the first time"),
    );
    b.phase(("到达", "Arrival"), 0, 1);
    b.phase(("入住登记", "Check-in"), 2, 3);
    b.phase(("住宿", "The stay"), 4, 5);
    b.phase(("退房", "Check-out"), 6, 7);
    b.step(2, Customer, 0, ("到达酒店", "Arrive at the hotel"), 2.0);
    b.step(3, Onstage, 0, ("门童迎宾", "Doorman greets"), 1.0);
    b.step(
        5,
        Customer,
        1,
        ("把行李交给行李员", "Hand bags to the bellperson"),
        1.0,
    );
    b.step(
        6,
        Onstage,
        1,
        ("行李员接过行李", "Bellperson takes the bags"),
        1.0,
    );
    b.step(8, Customer, 2, ("办理入住", "Check in"), 5.0);
    b.step(
        9,
        Onstage,
        2,
        ("前台登记", "Front desk registers the guest"),
        5.0,
    );
    b.step(10, Backstage, 2, ("制作房卡", "Make the key card"), 1.0);
    b.step(
        11,
        Support,
        2,
        ("预订系统查询", "Look up the reservation system"),
        1.0,
    );
    b.step(13, Customer, 3, ("前往客房", "Go to the room"), 3.0);
    b.step(
        14,
        Onstage,
        3,
        ("递交房卡、指引方向", "Hand over the key, show the way"),
        1.0,
    );
    b.step(16, Customer, 4, ("致电客房送餐", "Call room service"), 2.0);
    b.step(
        17,
        Onstage,
        4,
        ("接听点餐电话", "Take the order by phone"),
        2.0,
    );
    b.step(
        18,
        Backstage,
        4,
        ("把订单下到厨房", "Pass the order to the kitchen"),
        1.0,
    );
    b.step(
        19,
        Support,
        4,
        ("厨房备餐", "Kitchen prepares the meal"),
        20.0,
    );
    b.step(21, Customer, 5, ("在房间用餐", "Eat in the room"), 25.0);
    b.step(22, Onstage, 5, ("送餐入房", "Deliver the meal"), 3.0);
    b.step(24, Customer, 6, ("退房结账", "Check out and pay"), 5.0);
    b.step(
        25,
        Onstage,
        6,
        ("前台结账", "Front desk settles the bill"),
        4.0,
    );
    b.step(26, Backstage, 6, ("打印账单", "Print the bill"), 1.0);
    b.step(27, Support, 6, ("结算系统", "Billing system"), 1.0);
    b.step(28, Customer, 7, ("离开酒店", "Leave the hotel"), 2.0);
    b.step(29, Onstage, 7, ("门童送别", "Doorman says goodbye"), 1.0);
    b.evidence(1, 0, ("酒店外观、停车场", "Hotel front, parking"));
    b.evidence(4, 1, ("大堂", "Lobby"));
    b.evidence(7, 2, ("前台、登记表", "Front desk, registration form"));
    b.evidence(12, 3, ("房卡、电梯", "Key card, lifts"));
    b.evidence(15, 4, ("客房、送餐菜单", "Room, room-service menu"));
    b.evidence(20, 5, ("餐车、餐食", "Trolley, the meal"));
    b.evidence(23, 6, ("账单", "The bill"));
    b.evidence(30, 7, ("车道、门童", "Driveway, doorman"));
    b.arrows(&[
        (2, 3),
        (3, 5),
        (5, 6),
        (6, 8),
        (8, 9),
        (9, 11),
        (11, 10),
        (10, 14),
        (9, 14),
        (14, 13),
        (13, 16),
        (16, 17),
        (17, 18),
        (18, 19),
        (19, 22),
        (17, 22),
        (22, 21),
        (21, 24),
        (24, 25),
        (25, 27),
        (27, 26),
        (26, 28),
        (25, 28),
        (28, 29),
    ]);
    b.wait(
        8,
        WaitPoint {
            expected_minutes: 10.0,
            worst_minutes: Some(25.0),
            when: Moment::Before,
            alone: true,
            familiar: false,
            ..BARE
        },
    );
    b.wait(
        21,
        WaitPoint {
            expected_minutes: 30.0,
            worst_minutes: Some(50.0),
            occupied: true,
            explained: true,
            alone: true,
            ..BARE
        },
    );
    b.wait(
        24,
        WaitPoint {
            expected_minutes: 8.0,
            when: Moment::After,
            known_duration: true,
            ..BARE
        },
    );
    b.fail(
        9,
        ("找不到预订", "The reservation cannot be found"),
        2,
        4,
        (
            "到店前一天核对次日所有预订",
            "Check every reservation the day before arrival",
        ),
        ("致歉并免费升级房型", "Apologise and upgrade the room free"),
        ("前台主管", "Front office manager"),
    );
    b.fail(
        19,
        ("餐送错或送到时已凉", "Wrong order, or cold when it arrives"),
        3,
        3,
        (
            "复述订单；保温餐车；30 分钟内送达",
            "Read the order back; heated trolley; within 30 minutes",
        ),
        ("立即重做并免单", "Remake at once, free of charge"),
        ("餐饮部经理", "Food and beverage manager"),
    );
    b.fail(
        25,
        (
            "账单有误（多收迷你吧费用）",
            "Errors on the bill (minibar charged twice)",
        ),
        3,
        4,
        ("结账前核对消费记录", "Check the charges before settling"),
        ("", ""),
        ("前台主管", "Front office manager"),
    );
    b.element(ElementKind::WrittenPolicy, true, None);
    b.element(ElementKind::OrderingConvenience, true, Some(16));
    b.element(ElementKind::SystemAccuracy, false, Some(25));
    b.element(ElementKind::ComplaintsClaimsReturns, true, None);
    b.benchmark(
        8,
        Measure::Wait,
        ("同城竞品酒店", "A rival hotel in town"),
        3.0,
        None,
    );
    b.benchmark(
        9,
        Measure::Time,
        ("同城竞品酒店", "A rival hotel in town"),
        3.0,
        None,
    );
}

fn restaurant(b: &mut Builder) {
    use Lane::*;
    b.about(
        (
            "四人家庭周六晚上到店用餐",
            "A family of four eats out on a Saturday evening",
        ),
        ("带孩子的家庭", "A family with children"),
    );
    b.phase(("候位入座", "Seating"), 0, 1);
    b.phase(("点餐", "Ordering"), 2, 3);
    b.phase(("用餐", "Dining"), 4, 4);
    b.phase(("结账离店", "Paying and leaving"), 5, 6);
    b.step(
        2,
        Customer,
        0,
        ("到店候位", "Arrive and wait for a table"),
        2.0,
    );
    b.step(
        3,
        Onstage,
        0,
        ("迎宾取号", "Host greets and gives a number"),
        1.0,
    );
    b.step(5, Customer, 1, ("入座", "Sit down"), 2.0);
    b.step(
        6,
        Onstage,
        1,
        ("引座、递菜单", "Show to the table, hand the menu"),
        1.0,
    );
    b.step(8, Customer, 2, ("点菜", "Order"), 5.0);
    b.step(9, Onstage, 2, ("服务员点单", "Waiter takes the order"), 3.0);
    b.step(
        10,
        Backstage,
        2,
        ("下单到厨房", "Order goes to the kitchen"),
        1.0,
    );
    b.step(11, Support, 2, ("点餐系统", "Ordering system"), 1.0);
    b.step(12, Customer, 3, ("等菜", "Wait for the food"), 0.0);
    b.step(
        14,
        Onstage,
        3,
        (
            "加水、告知出菜进度",
            "Refill water, say how long the food will be",
        ),
        1.0,
    );
    b.step(13, Support, 3, ("厨房烹饪", "Kitchen cooks"), 18.0);
    b.step(16, Customer, 4, ("用餐", "Eat"), 40.0);
    b.step(17, Onstage, 4, ("上菜", "Serve the food"), 2.0);
    b.step(19, Customer, 5, ("买单", "Ask for the bill and pay"), 3.0);
    b.step(
        20,
        Onstage,
        5,
        ("送账单、收款", "Bring the bill, take payment"),
        2.0,
    );
    b.step(21, Support, 5, ("支付系统", "Payment system"), 1.0);
    b.step(22, Customer, 6, ("离店", "Leave"), 1.0);
    b.step(23, Onstage, 6, ("送客", "See the guests off"), 1.0);
    b.evidence(1, 0, ("门口、候位区", "Entrance, waiting area"));
    b.evidence(4, 1, ("餐桌、餐具", "Table, tableware"));
    b.evidence(7, 2, ("菜单", "Menu"));
    b.evidence(15, 4, ("菜品摆盘", "How the food looks"));
    b.evidence(18, 5, ("账单、支付二维码", "Bill, payment QR code"));
    b.arrows(&[
        (2, 3),
        (3, 5),
        (5, 6),
        (6, 8),
        (8, 9),
        (9, 11),
        (11, 10),
        (10, 13),
        (13, 17),
        (9, 12),
        (12, 14),
        (14, 17),
        (17, 16),
        (16, 19),
        (19, 20),
        (20, 21),
        (20, 22),
        (22, 23),
    ]);
    b.wait(
        2,
        WaitPoint {
            expected_minutes: 15.0,
            worst_minutes: Some(40.0),
            when: Moment::Before,
            explained: true,
            comfortable: false,
            ..BARE
        },
    );
    b.wait(
        12,
        WaitPoint {
            expected_minutes: 20.0,
            worst_minutes: Some(35.0),
            ..BARE
        },
    );
    b.wait(
        19,
        WaitPoint {
            expected_minutes: 7.0,
            when: Moment::After,
            ..BARE
        },
    );
    b.fail(
        9,
        ("点错菜或漏单", "An order taken wrong or lost"),
        3,
        3,
        ("点单后复述确认", "Read the order back"),
        ("立即重做并赠送饮品", "Remake at once and offer a drink"),
        ("楼面经理", "Floor manager"),
    );
    b.fail(
        13,
        ("出菜太慢", "The food is late"),
        4,
        3,
        ("每道菜 15 分钟内出菜", "Every dish out within 15 minutes"),
        ("", ""),
        ("厨师长", "Head chef"),
    );
    b.element(ElementKind::StockOutLevel, false, Some(8));
    b.element(ElementKind::OrderCycle, true, Some(13));
    b.element(ElementKind::ProductSubstitution, true, Some(9));
    b.element(ElementKind::ComplaintsClaimsReturns, true, None);
    b.benchmark(
        12,
        Measure::Wait,
        ("隔壁连锁餐厅", "The chain restaurant next door"),
        12.0,
        None,
    );
    b.benchmark(
        19,
        Measure::Wait,
        ("隔壁连锁餐厅", "The chain restaurant next door"),
        2.0,
        None,
    );
}

fn loan(b: &mut Builder) {
    use Lane::*;
    b.about(
        (
            "个体店主到网点申请一笔经营贷款",
            "A shop owner applies at a branch for a business loan",
        ),
        (
            "个体店主，第一次申请贷款",
            "A shop owner applying for a loan for the first time",
        ),
    );
    b.phase(("咨询", "Enquiry"), 0, 1);
    b.phase(("申请", "Application"), 2, 3);
    b.phase(("审批", "Approval"), 4, 4);
    b.phase(("签约放款", "Contract and payout"), 5, 7);
    b.step(
        2,
        Customer,
        0,
        ("到网点取号", "Arrive at the branch, take a number"),
        2.0,
    );
    b.step(
        3,
        Onstage,
        0,
        ("大堂经理引导", "Lobby manager shows the way"),
        2.0,
    );
    b.step(5, Customer, 1, ("咨询贷款产品", "Ask about loans"), 10.0);
    b.step(
        6,
        Onstage,
        1,
        ("客户经理讲解", "Loan officer explains"),
        10.0,
    );
    b.step(
        8,
        Customer,
        2,
        ("填表、提交材料", "Fill in the form, hand in documents"),
        20.0,
    );
    b.step(
        9,
        Onstage,
        2,
        ("审核材料是否齐全", "Check the documents are complete"),
        10.0,
    );
    b.step(
        10,
        Backstage,
        3,
        ("录入信贷系统", "Enter the application"),
        15.0,
    );
    b.step(11, Support, 3, ("征信查询", "Credit bureau check"), 5.0);
    b.step(12, Backstage, 4, ("信贷审批", "Credit review"), 60.0);
    b.step(
        13,
        Customer,
        4,
        ("等待审批结果", "Wait for the decision"),
        0.0,
    );
    b.step(
        14,
        Onstage,
        4,
        ("告知审批结果", "Tell the customer the decision"),
        5.0,
    );
    b.step(17, Customer, 5, ("签订合同", "Sign the contract"), 20.0);
    b.step(
        18,
        Onstage,
        5,
        ("讲解条款、签约", "Explain the terms, sign"),
        20.0,
    );
    b.step(
        15,
        Onstage,
        6,
        ("说明拒贷原因", "Explain why the loan is refused"),
        10.0,
    );
    b.step(19, Support, 6, ("放款", "Pay out the loan"), 30.0);
    b.step(
        20,
        Customer,
        7,
        ("收到到账通知", "Receive the payout notice"),
        1.0,
    );
    b.evidence(1, 0, ("网点、叫号机", "Branch, ticket machine"));
    b.evidence(4, 1, ("产品折页", "Product leaflet"));
    b.evidence(7, 2, ("申请表、材料清单", "Application form, checklist"));
    b.evidence(22, 4, ("审批结果短信", "Decision by SMS"));
    b.evidence(16, 5, ("贷款合同", "Loan contract"));
    b.evidence(23, 7, ("到账短信", "Payout SMS"));
    b.arrows(&[
        (2, 3),
        (3, 5),
        (5, 6),
        (6, 8),
        (8, 9),
        (9, 10),
        (10, 11),
        (11, 12),
        (12, 14),
        (9, 13),
        (13, 14),
    ]);
    b.branch(14, 17, ("通过", "Approved"));
    b.branch(14, 15, ("未通过", "Refused"));
    b.arrows(&[(17, 18), (18, 19), (19, 20)]);
    b.wait(
        2,
        WaitPoint {
            expected_minutes: 20.0,
            worst_minutes: Some(45.0),
            when: Moment::Before,
            anxious: true,
            alone: true,
            familiar: false,
            value: ServiceValue::High,
            ..BARE
        },
    );
    b.wait(
        13,
        WaitPoint {
            // Two working days.
            expected_minutes: 2880.0,
            worst_minutes: Some(7200.0),
            anxious: true,
            known_duration: true,
            explained: true,
            alone: true,
            value: ServiceValue::High,
            ..BARE
        },
    );
    b.fail(
        9,
        (
            "材料不全，顾客要再跑一趟",
            "Documents missing: the customer must come back",
        ),
        4,
        4,
        (
            "预约时把材料清单发给顾客",
            "Send the checklist when the visit is booked",
        ),
        (
            "允许线上补交材料",
            "Let the customer send missing documents online",
        ),
        ("客户经理", "Loan officer"),
    );
    b.fail(
        19,
        ("放款延误", "The payout is late"),
        2,
        5,
        ("签约后 24 小时内放款", "Pay out within 24 hours of signing"),
        ("", ""),
        ("运营部", "Operations"),
    );
    b.element(ElementKind::WrittenPolicy, true, Some(4));
    b.element(ElementKind::PolicyGivenToCustomers, false, Some(7));
    b.element(ElementKind::OrderInformation, true, Some(22));
    b.element(ElementKind::SystemFlexibility, false, None);
    b.benchmark(
        13,
        Measure::Wait,
        ("某网络银行", "An online bank"),
        1440.0,
        None,
    );
    b.benchmark(
        8,
        Measure::Time,
        ("某网络银行", "An online bank"),
        10.0,
        None,
    );
}

fn complaint(b: &mut Builder) {
    use Lane::*;
    b.about(
        ("顾客收到损坏的商品，致电客服投诉，直到补救完成并回访", "A customer receives a damaged product, complains by phone, and is followed up after the remedy"),
        ("网购顾客，对品牌已有不满", "An online shopper, already unhappy with the brand"),
    );
    b.phase(("提出投诉", "Complaint"), 0, 1);
    b.phase(("处理", "Handling"), 2, 4);
    b.phase(("补救与跟进", "Recovery and follow-up"), 5, 6);
    b.step(
        2,
        Customer,
        0,
        ("拨打客服热线", "Call the service line"),
        3.0,
    );
    b.step(
        3,
        Onstage,
        0,
        ("客服接听、致歉", "Agent answers and apologises"),
        2.0,
    );
    b.step(4, Customer, 1, ("描述问题", "Describe the problem"), 5.0);
    b.step(5, Onstage, 1, ("倾听并记录", "Listen and record"), 5.0);
    b.step(
        6,
        Support,
        1,
        ("客户管理系统建工单", "Open a ticket in the CRM"),
        1.0,
    );
    b.step(
        8,
        Onstage,
        2,
        ("能否当场解决？", "Can it be solved on the call?"),
        1.0,
    );
    b.step(9, Onstage, 3, ("当场解决", "Solve it on the call"), 5.0);
    b.step(
        10,
        Backstage,
        3,
        ("转交专员调查", "Pass to a specialist to investigate"),
        60.0,
    );
    b.step(
        11,
        Customer,
        4,
        ("等待调查结果", "Wait for the outcome"),
        0.0,
    );
    b.step(
        12,
        Onstage,
        4,
        ("回电告知补救方案", "Call back with the remedy"),
        10.0,
    );
    b.step(13, Customer, 5, ("接受补救方案", "Accept the remedy"), 5.0);
    b.step(
        14,
        Onstage,
        5,
        (
            "落实补偿（退款或换货）",
            "Give the remedy (refund or replacement)",
        ),
        5.0,
    );
    b.step(15, Support, 5, ("退款系统", "Refund system"), 1.0);
    b.step(
        17,
        Customer,
        6,
        ("接受回访", "Take the follow-up call"),
        3.0,
    );
    b.step(
        18,
        Onstage,
        6,
        ("回访满意度", "Follow-up call on satisfaction"),
        3.0,
    );
    b.step(
        19,
        Backstage,
        6,
        ("分析投诉原因、改进流程", "Find the cause, fix the process"),
        60.0,
    );
    b.evidence(1, 0, ("客服热线、等待音乐", "Service line, hold music"));
    b.evidence(7, 1, ("工单编号短信", "Ticket number by SMS"));
    b.evidence(20, 4, ("调查进度短信", "Progress SMS"));
    b.evidence(16, 5, ("退款到账通知", "Refund notice"));
    b.evidence(21, 6, ("回访电话", "The follow-up call"));
    b.arrows(&[(2, 3), (3, 4), (4, 5), (5, 6), (5, 8)]);
    b.branch(8, 9, ("能", "Yes"));
    b.branch(8, 10, ("不能", "No"));
    b.arrows(&[
        (10, 11),
        (11, 12),
        (12, 13),
        (9, 13),
        (13, 14),
        (14, 15),
        (14, 17),
        (14, 19),
        (17, 18),
    ]);
    b.wait(
        2,
        WaitPoint {
            expected_minutes: 12.0,
            worst_minutes: Some(30.0),
            when: Moment::Before,
            anxious: true,
            alone: true,
            ..BARE
        },
    );
    b.wait(
        11,
        WaitPoint {
            // One day.
            expected_minutes: 1440.0,
            worst_minutes: Some(4320.0),
            anxious: true,
            known_duration: true,
            explained: true,
            alone: true,
            ..BARE
        },
    );
    b.fail(
        5,
        (
            "记录不全，顾客要重复讲述",
            "The record is incomplete; the customer must repeat it",
        ),
        3,
        3,
        (
            "按投诉模板记录，复述确认",
            "Record with the complaint template and read it back",
        ),
        (
            "回电确认细节，不让顾客再讲一遍",
            "Call back to confirm details without making the customer repeat",
        ),
        ("客服组长", "Team leader"),
    );
    b.fail(
        14,
        ("承诺的补偿没有兑现", "The promised remedy is not delivered"),
        2,
        5,
        (
            "补救方案 48 小时内兑现",
            "Deliver the remedy within 48 hours",
        ),
        (
            "主管致歉并加倍补偿",
            "A manager apologises and doubles the remedy",
        ),
        ("客服主管", "Service manager"),
    );
    b.fail(
        10,
        (
            "调查超时，无人跟进",
            "The investigation overruns and no one follows up",
        ),
        3,
        4,
        ("", ""),
        ("", ""),
        ("质量部", "Quality department"),
    );
    b.element(ElementKind::ComplaintsClaimsReturns, true, Some(3));
    b.element(ElementKind::TemporaryReplacement, false, Some(14));
    b.element(ElementKind::ProductTracking, true, Some(7));
    b.element(ElementKind::ManagementServices, true, Some(19));
    b.benchmark(
        2,
        Measure::Wait,
        ("行业最佳客服", "The best service line in the trade"),
        2.0,
        None,
    );
    b.benchmark(
        13,
        Measure::Score,
        ("行业最佳客服", "The best service line in the trade"),
        4.3,
        Some(3.8),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blueprints::domain::analysis::{
        customer_time, find_cycle, paths, risk_table, teacher_checks, touchpoints, wait_reviews,
    };
    use std::collections::BTreeSet;

    fn both(sample: Sample) -> (Blueprint, Blueprint) {
        (sample.build(1, Lang::Zh), sample.build(1, Lang::En))
    }

    #[test]
    fn every_sample_is_a_sound_blueprint_with_fail_wait_and_touchpoints() {
        for sample in Sample::ALL {
            let (zh, en) = both(sample);
            for bp in [&zh, &en] {
                let ids: BTreeSet<StepId> = bp.steps.iter().map(|s| s.id).collect();
                assert_eq!(ids.len(), bp.steps.len(), "{sample:?}: ids");
                let cells: BTreeSet<_> = bp.steps.iter().map(Step::cell).collect();
                assert_eq!(cells.len(), bp.steps.len(), "{sample:?}: one step per cell");
                for c in &bp.connectors {
                    assert!(
                        ids.contains(&c.from) && ids.contains(&c.to),
                        "{sample:?}: {c:?}"
                    );
                }
                assert_eq!(find_cycle(bp), None, "{sample:?}");
                assert!(paths(bp).is_ok(), "{sample:?}");
                assert!(!risk_table(bp).rows.is_empty(), "{sample:?}");
                assert!(!wait_reviews(bp).is_empty(), "{sample:?}");
                assert!(!touchpoints(bp).is_empty(), "{sample:?}");
                let time = customer_time(bp);
                assert!(
                    !time.stopped_at_cycle && time.wait_minutes > 0.0,
                    "{sample:?}"
                );
                assert!(bp.illustrative_times, "{sample:?}");
                assert!(bp.steps.iter().all(|s| !s.name.is_empty()), "{sample:?}");
                for phase in &bp.phases {
                    assert!(
                        phase.from <= phase.to && phase.to < bp.columns(),
                        "{sample:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn both_languages_compute_the_same_figures() {
        for sample in Sample::ALL {
            let (zh, en) = both(sample);
            assert_eq!(customer_time(&zh), customer_time(&en), "{sample:?}");
            assert_eq!(paths(&zh), paths(&en), "{sample:?}");
            assert_eq!(teacher_checks(&zh), teacher_checks(&en), "{sample:?}");
            let risks = |bp: &Blueprint| {
                risk_table(bp)
                    .rows
                    .iter()
                    .map(|r| (r.step, r.risk))
                    .collect::<Vec<_>>()
            };
            assert_eq!(risks(&zh), risks(&en), "{sample:?}");
            assert!(zh
                .steps
                .iter()
                .any(|s| s.name.chars().any(|c| c > '\u{2e80}')));
            assert!(en.steps.iter().all(|s| s.name.is_ascii()), "{sample:?}");
        }
    }

    #[test]
    fn the_chinese_working_has_no_english_word() {
        use crate::blueprints::domain::analysis::{benchmark_gaps, compare};
        use crate::blueprints::domain::edit::duplicate_as_to_be;
        use crate::working::english_words;
        for sample in Sample::ALL {
            let bp = sample.build(1, Lang::Zh);
            let mut workings = vec![customer_time(&bp).working, paths(&bp).unwrap().working];
            workings.extend(risk_table(&bp).rows.into_iter().map(|r| r.working));
            workings.extend(benchmark_gaps(&bp).into_iter().map(|g| g.working));
            let to_be = duplicate_as_to_be(&bp, 2);
            workings.extend(compare(&bp, &to_be).into_iter().map(|r| r.working));
            for working in workings {
                let zh = working.text(Lang::Zh);
                assert_eq!(english_words(&zh), Vec::<&str>::new(), "{sample:?}: {zh}");
            }
        }
    }

    #[test]
    fn the_hotel_stay_adds_up() {
        let bp = Sample::HotelStay.build(1, Lang::En);
        let time = customer_time(&bp);
        // Visible steps: 2 1 1 1 5 5 1 3 2 2 3 25 5 4 2 1 = 63; waits 10 + 30 + 8 = 48.
        assert_eq!(
            time.path,
            [2, 3, 5, 6, 8, 9, 14, 13, 16, 17, 22, 21, 24, 25, 28, 29]
        );
        assert_eq!((time.step_minutes, time.wait_minutes), (63.0, 48.0));
        assert_eq!(time.longest_wait, Some((21, 30.0)));
        let p = paths(&bp).unwrap();
        // The longest path passes the kitchen (1 + 20) instead of going straight to delivery.
        assert_eq!(p.longest.minutes, 111.0 + 2.0 + 21.0 + 2.0);
        assert_eq!(p.shortest.minutes, 111.0);
        assert_eq!(p.count, 8);
    }
}
