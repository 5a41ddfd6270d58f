"""Hand-written organisations the demo logins belong to, plus the odd cases (plain data).

``key`` is ``<kind prefix>-<domain label>``; it becomes the organisation's external_id.
"""

SPECIAL_ORGS: list[dict] = [
    # startup@ administers this one; joiner@ has asked to join it.
    {"key": "firm-celllogic", "kind": "firm", "ko": "셀로직 테라퓨틱스", "en": "CellLogic Therapeutics", "region": "seoul",
     "clusters": ["hongneung", "pangyo"], "founded": 2022, "employees": 14, "stage": "preclinical", "size": "startup",
     "technology": "cell_therapy", "areas": ["oncology"],
     "description": "고형암을 표적하는 차세대 CAR-NK 세포치료제를 개발하는 서울바이오허브 입주 스타트업입니다. "
                    "제1상 임상시험을 6개월 이내에 시작할 수 있는 병원과 GMP 세포처리시설을 찾고 있습니다. "
                    "Next-generation CAR-NK cell therapy for solid tumours; looking for a phase 1 site and GMP capacity."},
    # pending@ founded this one: it waits in the Pangyo and Hongneung verification queues.
    {"key": "firm-mindbridge", "kind": "firm", "ko": "마인드브릿지 헬스", "en": "MindBridge Health", "region": "gyeonggi",
     "clusters": ["pangyo", "hongneung"], "founded": 2026, "employees": 4, "stage": "idea", "status": "pending",
     "size": "startup", "technology": "digital_health", "areas": ["psychiatry"],
     "description": "Digital therapeutic for adolescent depression; needs clinicians for a clinical validation study. "
                    "청소년 우울증 디지털 치료제를 개발합니다."},
    # The one rejected application, with the reason the manager gave.
    {"key": "firm-cureall", "kind": "firm", "ko": "만능건강솔루션", "en": "Cure-All Wellness Solutions",
     "region": "gyeonggi", "clusters": ["pangyo"], "founded": 2024, "employees": 3, "status": "rejected",
     "size": "startup", "description": "건강기능식품 온라인 판매.",
     "rejection_reason": "No bio-medical R&D, clinical or device activity is described; the company sells general "
                         "wellness supplements online. Please re-apply with your product, development stage and "
                         "regulatory plan if that changes."},
    # investor@ works here.
    {"key": "investor-cheongram", "kind": "investor", "ko": "청람바이오파트너스", "en": "Cheongram Bio Partners",
     "region": "seoul", "clusters": ["hongneung", "pangyo"], "founded": 2012, "employees": 22,
     "description": "Seed to Series B investor in cell and gene therapy, digital health and medical devices; "
                    "runs a Springboard-style mentoring panel for Hongneung startups."},
    # Abroad members: the report's point about Seoul's weak global connectedness.
    {"key": "firm-harborline", "kind": "firm", "ko": "하버라인 테라퓨틱스", "en": "Harborline Therapeutics",
     "region": "abroad", "country": "US", "clusters": ["songdo"], "founded": 2018, "employees": 45,
     "stage": "phase1", "size": "startup", "technology": "biologic", "areas": ["immunology"],
     "description": "Boston biotech developing bispecific antibodies for autoimmune disease; seeks a Korean CDMO "
                    "partner and phase 2 trial sites in Korea."},
    {"key": "firm-sakura-medtech", "kind": "firm", "ko": "사쿠라 메드텍", "en": "Sakura Medtech", "region": "abroad",
     "country": "JP", "clusters": ["wonju"], "founded": 2009, "employees": 120, "stage": "market", "size": "sme",
     "technology": "medical_device", "areas": ["cardiology"],
     "description": "Osaka maker of catheter-based cardiac devices; looking for Korean distribution and MFDS approval advice."},
    {"key": "service-rhein-clinical", "kind": "service", "ko": "라인 클리니컬", "en": "Rhein Clinical GmbH",
     "region": "abroad", "country": "DE", "clusters": ["songdo", "osong"], "founded": 2004, "employees": 260,
     "description": "European CRO helping Korean sponsors run trials in the EU and file with the EMA."},
    {"key": "investor-lioncity", "kind": "investor", "ko": "라이언시티 바이오펀드", "en": "Lion City Bio Fund",
     "region": "abroad", "country": "SG", "clusters": ["songdo", "pangyo"], "founded": 2015, "employees": 12,
     "description": "Singapore fund co-investing with Korean VCs in Asian biotech going global."},
]
