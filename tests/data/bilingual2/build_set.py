#!/usr/bin/env python3
"""Build the second ClusterLink bilingual (Korean <-> English) evaluation set.

This is a fresh, unseen check set. Every text below was written by hand for
it, independently of the matching engine (nothing under matching/ was read).
The script only assembles the texts, places them at invented institutions,
strips facet tags from about a third of the listings, assigns opaque ids after
a seeded shuffle, writes bilingual-set.jsonl next to this file and validates
the written file.

Run:  python3 tests/data/bilingual2/build_set.py
"""
import json
import os
import random
import re
import sys

SEED = 20261204
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "bilingual-set.jsonl")

# Facet tag shorthand: "pt1,pt2|area1,area2|tech1,tech2" (groups may be empty).
PT = {
    "ct": "clinical_trial", "cv": "clinical_validation", "da": "data_access",
    "cd": "co_development", "li": "licensing", "fu": "facility_use",
    "rg": "regulatory", "iv": "investment", "mt": "mentoring",
}
TECH = {
    "sm": "small_molecule", "bio": "biologic", "cell": "cell_therapy",
    "gene": "gene_therapy", "dev": "medical_device", "dx": "diagnostic",
    "dh": "digital_health", "ai": "ai_software", "vac": "vaccine",
    "rp": "radiopharmaceutical",
}
AREAS = {
    "oncology", "cardiology", "neurology", "endocrinology", "infectious_disease",
    "dermatology", "ophthalmology", "respiratory", "rheumatology",
    "gastroenterology", "nephrology", "psychiatry", "rare_disease",
    "hematology", "orthopedics", "urology", "otolaryngology", "dentistry",
    "allergy", "geriatrics", "reproductive_medicine", "pediatrics",
}


def parse_tags(spec):
    pts, areas, techs = (spec.split("|") + ["", "", ""])[:3]
    out = {}
    p = [PT[x] for x in pts.split(",") if x]
    a = [x for x in areas.split(",") if x]
    t = [TECH[x] for x in techs.split(",") if x]
    for x in a:
        if x not in AREAS:
            raise ValueError("unknown therapeutic area %r in %r" % (x, spec))
    if p:
        out["partnership_types"] = p
    if a:
        out["therapeutic_areas"] = a
    if t:
        out["technologies"] = t
    return out


QUERIES = []


def Q(lang, firm, region, firm_desc, need, gold, near, kind="hospital"):
    """One query scenario. need/gold/near are (title, description, tags).

    lang is the need's language; the gold capability is in the other language
    and the 2-4 near misses are in the need's language."""
    other = "en" if lang == "ko" else "ko"
    assert 2 <= len(near) <= 4, firm

    def mk(t, lg):
        return {"lang": lg, "title": t[0], "description": t[1], "tags": t[2]}

    QUERIES.append({
        "lang": lang, "firm": firm, "region": region, "firm_desc": firm_desc,
        "need": mk(need, lang), "gold": mk(gold, other),
        "near": [mk(n, lang) for n in near], "kind": kind,
    })


# ===========================================================================
# Needs written in KOREAN (gold capability written in English)
# ===========================================================================
Q("ko", "Hepavue (헤파뷰)", "Seoul",
  "간암 영상 분석 소프트웨어를 개발하는 스타트업입니다.",
  ("간암 색전술 후 반응 평가 AI 학습용 영상 데이터",
   "저희는 간세포암 환자의 경동맥화학색전술(TACE) 전후 CT를 비교해 종양 반응을 자동 판정하는 소프트웨어를 만들고 있습니다. "
   "현재 학습 데이터가 단일 기관 300례 수준이라 일반화 성능이 부족합니다. "
   "시술 전후 다상 조영증강 CT와 mRECIST 판독 결과가 함께 있는 데이터를 가명처리 형태로 제공받고 싶습니다. "
   "IRB 승인과 데이터심의위원회 절차는 저희가 비용을 부담해 진행하겠습니다. "
   "가능하면 3년 이상 추적 생존 정보도 연결되면 좋겠습니다.",
   "da|oncology,gastroenterology|ai"),
  ("Liver tumour intervention imaging archive",
   "Our interventional radiology unit has treated hepatocellular carcinoma with transarterial chemoembolization since 2011 and keeps "
   "the multiphase contrast CT scans taken before and after each session, about 2,400 procedures in total. "
   "Every follow-up scan has a structured tumour response read by two radiologists, and survival is linked from the cancer registry. "
   "De-identified extracts are released to companies after data review committee approval.",
   "da|oncology,gastroenterology|ai"),
  [("간암 정위적 방사선치료 임상연구",
    "방사선종양학과에서 간세포암 환자를 대상으로 정위적 체부 방사선치료(SBRT) 임상연구를 수행합니다. "
    "색전술이 어려운 환자의 국소 제어율을 평가하며 연간 80명 정도 등록됩니다.",
    "ct|oncology|"),
   ("폐결절 CT 영상 데이터 제공",
    "흉부 저선량 CT 검진에서 발견된 폐결절 영상 1만 건을 가명처리해 보유하고 있습니다. "
    "조직검사 결과와 연결되어 있어 AI 학습용으로 제공 가능합니다.",
    "da|oncology,respiratory|ai"),
   ("간암 조기진단 혈액 바이오마커 검체",
    "만성 B형간염 환자 중 간암이 발생한 환자의 혈청을 발생 전 시점부터 보관하고 있습니다. "
    "AFP, PIVKA-II 측정값이 함께 제공됩니다.",
    "da|oncology,gastroenterology|dx"),
   ("간암 약물방출 미세구 색전술 기기 임상",
    "간세포암 환자에게 약물방출 미세구를 이용한 색전술 기기 임상을 수행합니다. "
    "영상 데이터의 외부 제공은 하지 않습니다.",
    "ct|oncology|dev")])

Q("ko", "Endoneer (엔도니어)", "Gyeonggi",
  "상부위장관 내시경 보조 AI를 개발합니다.",
  ("위 내시경 AI 전향적 임상 검증 기관",
   "조기 위암 병변 검출 AI의 확증 임상을 준비 중입니다. 검진 위내시경 3,000건 규모 전향 연구가 가능한 병원을 찾습니다.",
   "cv|gastroenterology,oncology|ai"),
  ("Prospective validation of upper GI endoscopy software",
   "Our health screening centre performs roughly 40,000 upper endoscopies a year, and early stomach cancer is found in about 0.3% of them. "
   "The endoscopy team has run two prospective multicentre studies of computer-aided lesion detection and can randomise procedures with and without the software. "
   "Biopsy pathology is available as the reference standard within two weeks.",
   "cv|gastroenterology,oncology|ai"),
  [("대장내시경 용종 검출 AI 검증",
    "소화기내과에서 대장내시경 선종 발견율을 높이는 AI의 무작위 배정 연구를 진행한 경험이 있습니다. "
    "연간 대장내시경 1만 5천 건을 시행합니다.",
    "cv|gastroenterology|ai"),
   ("위암 로봇수술 임상시험",
    "위장관외과에서 진행성 위암 환자의 로봇 위절제술 임상시험을 수행합니다. "
    "수술 기구 및 에너지 장비 평가도 가능합니다.",
    "ct|oncology,gastroenterology|dev"),
   ("위 내시경 영상 판독 교육 프로그램",
    "전공의 대상 위내시경 판독 교육 과정을 운영합니다. "
    "교육용 영상 라이브러리는 외부 기업에 제공하지 않습니다.",
    "mt|gastroenterology|")])

Q("ko", "Corebio Therapeutics (코어바이오테라퓨틱스)", "Incheon",
  "염증성 장질환 항체 신약 개발사입니다.",
  ("크론병 항체 신약 2상 임상 기관 모집",
   "IL-23 p19 타깃 항체 후보물질의 중등도~중증 크론병 2상을 국내에서 진행하려 합니다. "
   "기존 TNF 억제제에 반응하지 않은 성인 환자 등록이 핵심입니다. "
   "대장내시경 점수(SES-CD) 중앙 판독에 협조해 주실 수 있는 기관이면 좋겠습니다.",
   "ct|gastroenterology|bio"),
  ("Inflammatory bowel disease clinic for biologic studies",
   "We follow more than 1,100 adults with Crohn's disease, around a third of whom have already failed an anti-tumour necrosis factor drug. "
   "Our gastroenterologists have enrolled in eight industry phase 2 and 3 programmes and are used to sending ileocolonoscopy videos to central readers. "
   "A dedicated study nurse handles patient-reported diaries.",
   "ct|gastroenterology|bio"),
  [("궤양성대장염 JAK 억제제 임상",
    "궤양성대장염 환자 대상 경구 JAK 억제제 3상 임상을 진행 중입니다. "
    "대장내시경 중앙 판독 경험이 있습니다.",
    "ct|gastroenterology|sm"),
   ("소아 크론병 영양요법 연구",
    "소아청소년과에서 소아 크론병 환자의 경장영양 관해 유도 연구를 수행합니다. "
    "18세 미만 환자만 진료합니다.",
    "ct|gastroenterology,pediatrics|"),
   ("류마티스관절염 항체 치료제 임상",
    "류마티스내과에서 IL-6, TNF 항체 치료제 임상시험 다수를 수행했습니다. "
    "관절 초음파 평가가 가능합니다.",
    "ct|rheumatology|bio")])

Q("ko", "Breathmate (브레스메이트)", "Daejeon",
  "흡입기 부착형 센서와 복약 앱을 만드는 회사입니다.",
  ("소아 천식 스마트 흡입기 사용성 평가",
   "흡입기에 부착하는 센서와 보호자용 앱을 개발했습니다. 6~12세 천식 어린이 대상 사용성 평가와 복약순응도 연구를 함께할 소아청소년과를 찾습니다.",
   ""),
  ("Paediatric asthma clinic - device and adherence studies",
   "Our children's respiratory clinic sees about 900 school-age asthma patients and runs a nurse-led inhaler technique programme. "
   "We have completed usability studies of spacers and dose counters with children and parents, following human-factors standards. "
   "Lung function testing and asthma control questionnaires are done at every visit.",
   "cv|respiratory,pediatrics|dev,dh"),
  [("성인 COPD 흡입기 순응도 연구",
    "호흡기내과에서 만성폐쇄성폐질환 성인 환자의 흡입기 사용 순응도를 원격 모니터링하는 연구를 합니다. "
    "40세 이상 환자만 대상입니다.",
    "cv|respiratory|dh"),
   ("소아 아토피피부염 보습제 임상",
    "소아 아토피피부염 환자 대상 보습제 및 외용제 임상을 수행합니다. "
    "피부 수분도 측정 장비를 보유하고 있습니다.",
    "ct|dermatology,pediatrics|"),
   ("중증 천식 생물학적제제 임상",
    "성인 중증 호산구성 천식 환자에게 항IL-5 항체 임상을 수행한 경험이 있습니다. "
    "기관지 내시경 조직 검체 채취가 가능합니다.",
    "ct|respiratory,allergy|bio")])

Q("ko", "Tribody (트라이바디)", "Gyeonggi",
  "T세포 연결 이중항체 플랫폼 기업입니다.",
  ("다발골수종 이중항체 1상 시험기관",
   "BCMA×CD3 이중항체의 재발·불응성 다발골수종 1상 용량증량 시험을 계획하고 있습니다. "
   "사이토카인방출증후군(CRS) 관리 경험과 24시간 입원 모니터링이 가능한 혈액내과가 필요합니다. "
   "국내 2~3개 기관으로 시작할 예정입니다. "
   "전임상 독성 자료와 IND 패키지는 준비되어 있으며 식약처 제출은 내년 상반기 목표입니다. "
   "골수 검체로 MRD 분석이 가능하면 탐색 지표로 활용하고 싶습니다. "
   "연구자 미팅은 온라인으로 먼저 진행해도 됩니다.",
   "ct|hematology,oncology|bio"),
  ("Myeloma early-phase unit",
   "Our haematology service treats around 250 new plasma cell myeloma patients each year and has a 12-bed phase 1 ward with round-the-clock monitoring. "
   "Investigators have run dose-escalation studies of T-cell redirecting antibodies and have written protocols for grading and treating cytokine release. "
   "Bone marrow samples can be processed for minimal residual disease the same day.",
   "ct|hematology,oncology|bio"),
  [("림프종 CAR-T 치료 센터",
    "미만성 거대 B세포 림프종 환자에게 CAR-T 치료를 시행하는 지정 기관입니다. "
    "CRS 및 신경독성 관리 프로토콜을 갖추고 있습니다.",
    "ct|hematology,oncology|cell"),
   ("다발골수종 자가조혈모세포이식 관찰 연구",
    "다발골수종 환자의 자가조혈모세포이식 후 장기 관찰 코호트를 운영합니다. "
    "신약 중재 임상은 수행하지 않습니다.",
    "da|hematology,oncology|"),
   ("고형암 이중항체 1상 병동",
    "폐암, 위암 등 고형암 대상 이중항체 1상 시험을 다수 수행한 종양내과 1상 병동입니다. "
    "혈액암 환자는 진료하지 않습니다.",
    "ct|oncology|bio")])

Q("ko", "Ocusense (오큐센스)", "Seoul",
  "콘택트렌즈형 안압 센서를 개발합니다.",
  ("녹내장 24시간 안압 측정 렌즈 임상 검증",
   "콘택트렌즈형 센서로 24시간 안압 변동을 측정하는 기기를 개발했습니다. 녹내장 환자에서 기존 안압계와 비교 검증할 안과를 찾습니다.",
   "cv|ophthalmology|dev"),
  ("Glaucoma service with round-the-clock pressure monitoring",
   "Our glaucoma clinic admits patients for day-and-night tonometry, measuring pressure every two hours in sitting and supine positions. "
   "We manage about 6,000 people with open-angle and normal-tension disease and have compared wearable sensors against Goldmann readings before. "
   "Visual fields and optical coherence tomography are recorded at every visit.",
   "cv|ophthalmology|dev"),
  [("건성안 점안제 임상시험",
    "안과에서 건성안 환자를 대상으로 점안제 임상시험을 수행합니다. "
    "눈물막 파괴시간 및 각막 염색 평가가 가능합니다.",
    "ct|ophthalmology|sm"),
   ("다초점 인공수정체 삽입 임상",
    "백내장 수술 환자에게 다초점 인공수정체를 삽입하는 임상연구를 진행합니다. "
    "연간 백내장 수술 4천 건을 시행합니다.",
    "ct|ophthalmology|dev"),
   ("녹내장 OCT 영상 AI 데이터",
    "녹내장 환자의 OCT 및 안저 사진 2만 건을 보유하고 있으며 AI 학습용으로 제공 가능합니다. "
    "안압 연속 측정 자료는 없습니다.",
    "da|ophthalmology|ai")])

Q("ko", "Bonestra (본스트라)", "Chungbuk",
  "골대사 질환 합성신약 개발 기업입니다.",
  ("골다공증 척추골절 환자 대상 경구 신약 임상",
   "폐경 후 골다공증 여성에서 척추 골절 예방 효과를 보는 경구용 합성의약품 2상 임상을 준비 중입니다. "
   "골밀도 측정(DXA)과 척추 방사선 촬영을 정기적으로 할 수 있어야 합니다. "
   "골절 연계 서비스(FLS)를 운영하는 기관이면 환자 모집이 빠를 것으로 기대합니다.",
   "ct|endocrinology,orthopedics|sm"),
  ("Fracture liaison service and bone health trials",
   "After a fragility fracture, older women are referred to our fracture liaison nurses, who screen about 1,500 patients a year. "
   "Bone density scanning and lateral spine radiographs are done on site, and our endocrinologists have run three trials of anti-resorptive medicines. "
   "Most patients are postmenopausal women over 60.",
   "ct|endocrinology,orthopedics,geriatrics|sm"),
  [("무릎 골관절염 주사제 임상",
    "정형외과에서 무릎 골관절염 환자 대상 관절강 내 주사제 임상시험을 수행합니다. "
    "MRI 연골 평가가 가능합니다.",
    "ct|orthopedics|bio"),
   ("골다공증 X-ray AI 선별 소프트웨어 검증",
    "흉부 X-ray에서 골밀도 저하를 예측하는 AI의 성능 검증 연구를 수행할 수 있습니다. "
    "DXA 결과가 연결된 영상 5천 건을 보유합니다.",
    "cv|endocrinology|ai"),
   ("남성 골다공증 코호트",
    "50세 이상 남성의 골밀도 변화를 10년간 추적한 코호트 자료가 있습니다. "
    "중재 임상은 하지 않습니다.",
    "da|endocrinology|")])

Q("ko", "Nephrogen (네프로젠)", "Busan",
  "신장질환 진단 바이오마커 회사",
  ("만성콩팥병 코호트 검체·임상정보",
   "CKD 진행 예측 소변 바이오마커 개발 중. 3~4기 환자 소변/혈청 검체 + eGFR 추적자료 필요. 검체 제공 및 공동분석 희망.",
   "da|nephrology|dx"),
  ("Chronic kidney disease biobank",
   "Our nephrology department has enrolled 2,100 patients with moderate to advanced kidney impairment since 2016, storing frozen urine and serum every year. "
   "Estimated filtration rate, albuminuria and progression to dialysis are recorded for each participant. "
   "Samples are shared with industry under a material transfer agreement after biobank committee review.",
   "da|nephrology|dx"),
  [("혈액투석 혈관통로 임상",
    "인공신장실에서 혈액투석 환자의 동정맥루 개존율 향상 기기 임상을 수행합니다. "
    "투석 환자 350명이 정기 치료를 받습니다.",
    "ct|nephrology|dev"),
   ("신장이식 거부반응 연구",
    "신장이식 환자의 이식 후 조직검사 및 혈액 검체를 보관하고 있습니다. "
    "이식 전 만성콩팥병 단계 검체는 없습니다.",
    "da|nephrology|dx"),
   ("당뇨병 환자 소변 검체 은행",
    "제2형 당뇨병 환자 소변 검체를 보관하며, 주로 혈당 조절 관련 연구에 사용합니다. "
    "신기능 추적 자료는 제한적입니다.",
    "da|endocrinology|dx"),
   ("만성콩팥병 식이 관리 앱 연구",
    "만성콩팥병 환자의 저염·저단백 식이를 관리하는 앱의 효과를 연구합니다. "
    "검체는 보관하지 않습니다.",
    "cv|nephrology|dh")])

Q("ko", "Alertica (얼러티카)", "Seoul",
  "응급실 임상의사결정지원 소프트웨어 회사입니다.",
  ("패혈증 조기 경보 AI 후향 검증용 응급실 데이터",
   "응급실 내원 환자의 활력징후, 검사 결과, 투약 기록으로 패혈증 발생을 6시간 전에 예측하는 모델을 만들었습니다. "
   "타 기관 데이터로 외부 검증을 하고 싶습니다. "
   "패혈증 정의(Sepsis-3)에 따른 라벨이 있으면 더 좋습니다.",
   "cv|infectious_disease|ai"),
  ("Emergency department sepsis registry",
   "Since 2017 our emergency department has prospectively logged every adult with suspected serious infection, about 18,000 visits, "
   "with timestamped vital signs, laboratory values, antibiotics and organ-failure scores. "
   "Each case is adjudicated against the current consensus definition of infection-related organ dysfunction. "
   "We support external validation of prediction models under a data use agreement.",
   "cv,da|infectious_disease|ai"),
  [("중환자실 인공호흡기 이탈 예측 데이터",
    "내과계 중환자실의 인공호흡기 파형 및 이탈 결과 데이터를 보유합니다. "
    "응급실 자료는 포함되지 않습니다.",
    "da|respiratory|ai"),
   ("지역사회획득 폐렴 항생제 임상",
    "감염내과에서 지역사회획득 폐렴 성인 환자 대상 신규 항생제 3상 임상을 수행합니다. "
    "객담 배양 결과를 제공합니다.",
    "ct|infectious_disease,respiratory|sm"),
   ("패혈증 신속 진단키트 검체",
    "혈액 배양 양성 검체를 보관하여 패혈증 원인균 신속 진단키트 성능평가에 제공합니다. "
    "임상 경과 자료는 없습니다.",
    "cv|infectious_disease|dx"),
   ("소아 응급실 패혈증 프로토콜 연구",
    "소아 응급실에서 패혈증 의심 아동의 초기 수액·항생제 투여 프로토콜을 연구합니다. "
    "성인 자료는 없습니다.",
    "ct|infectious_disease,pediatrics|")])

Q("ko", "Oxyflow Medical (옥시플로우메디칼)", "Daegu",
  "체외순환 산화기를 개발하는 의료기기 회사입니다.",
  ("ECMO 산화기 대동물 실험 및 임상 적용 협력",
   "신규 막형 산화기를 개발했으며 돼지 모델에서 72시간 연속 구동 시험을 거쳐 임상 적용까지 함께할 흉부외과 팀을 찾고 있습니다. "
   "ECMO 운용 건수가 많은 기관을 선호합니다.",
   "cd|cardiology,respiratory|dev"),
  ("Extracorporeal life support programme with large-animal lab",
   "Our cardiothoracic surgeons run about 150 veno-arterial and veno-venous extracorporeal membrane oxygenation cases a year. "
   "The hospital's research building has a large-animal operating room where we have kept pigs on circuit for up to five days to test oxygenators and pumps. "
   "Perfusionists help with haemolysis and gas-exchange measurements.",
   "cd,fu|cardiology,respiratory|dev"),
  [("인공심장판막 동물실험",
    "양을 이용한 인공심장판막 이식 동물실험을 수행할 수 있습니다. "
    "체외순환 장비 시험은 하지 않습니다.",
    "fu|cardiology|dev"),
   ("ECMO 환자 재활 연구",
    "ECMO 치료 후 생존자의 호흡 재활 및 삶의 질 추적 연구를 수행합니다. "
    "기기 개발 협력은 하지 않습니다.",
    "da|respiratory|"),
   ("투석기 혈액회로 성능 평가",
    "혈액투석기 및 혈액회로의 용혈, 응고 성능 평가를 실험실에서 수행합니다. "
    "생체외 혈액 순환 시험 장치가 있습니다.",
    "fu|nephrology|dev")])

Q("ko", "Mindlong Pharma (마인드롱파마)", "Gyeonggi",
  "정신질환 장기지속형 주사제 개발사입니다.",
  ("조현병 초발 환자 장기지속형 주사제 임상",
   "초발 조현병 환자 대상 2개월 간격 장기지속형 항정신병 주사제 임상을 계획 중입니다. 조기 정신증 클리닉이 있는 기관과 협력하고 싶습니다.",
   ""),
  ("Early psychosis service",
   "Our psychiatry department runs a specialised first-episode psychosis programme that takes in about 120 young adults a year, "
   "with case managers who keep contact for at least three years. "
   "We have taken part in trials of monthly depot antipsychotic injections and measure relapse and rehospitalisation as outcomes.",
   "ct|psychiatry|sm"),
  [("우울증 디지털 치료기기 임상",
    "정신건강의학과에서 주요우울장애 환자 대상 앱 기반 디지털 치료기기 임상을 수행합니다. "
    "외래 환자 위주로 모집합니다.",
    "ct|psychiatry|dh"),
   ("양극성 장애 유전체 코호트",
    "양극성 장애 환자 1,500명의 유전체 및 임상 자료를 보유하고 있습니다. "
    "약물 임상시험은 수행하지 않습니다.",
    "da|psychiatry|"),
   ("만성 조현병 장기 입원 병동 연구",
    "장기 입원 중인 만성 조현병 환자의 인지기능 재활 연구를 수행합니다. "
    "발병 초기 환자는 거의 없습니다.",
    "ct|psychiatry|")])

Q("ko", "Neuromuse (뉴로뮤즈)", "Seoul",
  "희귀 신경근육질환 치료제를 개발합니다.",
  ("척수성 근위축증 자연경과 자료 협력",
   "척수성 근위축증(SMA) 치료제 개발을 위해 국내 환자의 자연경과와 운동기능 점수 변화를 알고 싶습니다. "
   "소아 신경근육 클리닉의 레지스트리 자료 공동 분석을 제안드립니다. "
   "향후 임상시험 기관으로도 참여해 주시면 좋겠습니다. "
   "특히 뉴시너센 등 기존 치료를 받은 환자의 운동기능 변화가 궁금합니다. "
   "HFMSE, CHOP-INTEND 같은 표준 척도로 평가된 자료면 좋겠습니다. "
   "분석 결과는 공동 발표를 원칙으로 하겠습니다.",
   "da|rare_disease,neurology,pediatrics|gene"),
  ("Paediatric neuromuscular registry",
   "Our child neurology team keeps a registry of about 140 children with spinal motor neuron disease, with motor function scores collected "
   "every six months, including those treated with nusinersen or gene replacement. "
   "We welcome joint analyses with sponsors and can act as a trial site.",
   "da,ct|rare_disease,neurology,pediatrics|gene"),
  [("뒤센근이영양증 세포치료 연구",
    "뒤센근이영양증 환자 대상 근육 줄기세포 치료 연구를 진행합니다. "
    "소아재활 평가팀이 있습니다.",
    "ct|rare_disease,pediatrics|cell"),
   ("루게릭병 호흡 관리 코호트",
    "근위축성 측삭경화증 성인 환자의 호흡 기능 저하와 인공호흡기 사용을 추적합니다. "
    "소아 환자는 없습니다.",
    "da|neurology,rare_disease|"),
   ("신생아 선별검사 유전자 패널",
    "신생아 대사질환 선별검사용 유전자 패널을 개발·운영합니다. "
    "신경근육질환 환자 추적 자료는 없습니다.",
    "cv|pediatrics,rare_disease|dx")])

Q("ko", "Kidvax (키드백스)", "Chungnam",
  "영유아 백신 개발 바이오텍입니다.",
  ("수족구병 백신 영유아 임상 1/2상",
   "EV71 불활화 백신의 6~35개월 영유아 대상 1/2상을 준비 중입니다. 소아 백신 임상 경험이 있는 기관이 필요합니다.",
   "ct|infectious_disease,pediatrics|vac"),
  ("Infant and toddler vaccine trial site",
   "Our paediatric clinical trials unit has vaccinated over 3,000 babies and toddlers in studies of rotavirus, pneumococcal and influenza vaccines. "
   "We handle cold-chain storage, parental diary cards and blood draws for neutralising antibody tests in children under three. "
   "Hand, foot and mouth disease is common in our catchment area every summer.",
   "ct|infectious_disease,pediatrics|vac"),
  [("성인 인플루엔자 백신 임상",
    "성인 및 고령자 대상 인플루엔자 백신 면역원성 임상을 수행합니다. "
    "소아 대상 연구는 하지 않습니다.",
    "ct|infectious_disease|vac"),
   ("수족구병 신속진단 키트 검체",
    "수족구병 의심 소아의 인후 도말 검체를 보관해 진단키트 성능평가에 제공합니다. "
    "백신 임상 경험은 없습니다.",
    "cv|infectious_disease,pediatrics|dx"),
   ("소아 RSV 항체 예방요법 연구",
    "미숙아 대상 RSV 단클론항체 예방요법 관찰 연구를 수행합니다.",
    "ct|infectious_disease,pediatrics|bio")])

Q("ko", "Lithoray (리소레이)", "Gwangju",
  "비뇨기과 레이저 장비 회사",
  ("요로결석 내시경 레이저 쇄석기 임상 평가",
   "툴륨 파이버 레이저 쇄석기 개발 완료. 요관내시경 결석 제거 수술에서 기존 홀뮴 레이저 대비 비교 임상 가능 기관 모집. 결석 수술 연 300건 이상 희망.",
   "ct|urology|dev"),
  ("Stone clinic with ureteroscopy service",
   "Our endourology team performs around 600 flexible and semi-rigid ureteroscopies a year for kidney and ureteral stones. "
   "We have compared laser lithotripsy settings in a randomised study and record stone-free status on CT at one month. "
   "Stone composition analysis is done in-house.",
   "ct|urology|dev"),
  [("전립선비대증 레이저 수술 임상",
    "전립선비대증 환자에게 홀뮴 레이저 전립선 적출술을 시행하며 관련 기기 임상이 가능합니다.",
    "ct|urology|dev"),
   ("요로결석 재발 예방 식이 앱 연구",
    "요로결석 환자의 수분 섭취와 식이를 관리하는 앱의 효과 연구를 합니다. "
    "수술 기기 평가는 하지 않습니다.",
    "cv|urology|dh"),
   ("신장암 로봇 부분절제술",
    "신장암 환자에게 로봇 부분신절제술을 연 200건 시행하며 수술기구 평가 연구가 가능합니다.",
    "ct|urology,oncology|dev")])

Q("ko", "Rhinova (라이노바)", "Gangwon",
  "비강 분무형 생물의약품 개발사입니다.",
  ("비용종 동반 만성 부비동염 임상",
   "비강 분무형 항체 제제의 비용종 동반 만성 부비동염 2상 임상을 준비하고 있습니다. "
   "내시경 비용종 점수와 CT 평가가 가능하고 수술 전 환자 풀이 있는 이비인후과를 찾습니다.",
   "ct|otolaryngology|bio"),
  ("Rhinology clinic for nasal polyp studies",
   "Our ear, nose and throat department sees over 2,000 adults a year with long-standing sinus inflammation and polyps, many waiting for endoscopic sinus surgery. "
   "Polyp size is graded by nasal endoscopy and sinus opacification on CT, and we have recruited for two biologic trials.",
   "ct|otolaryngology,allergy|bio"),
  [("알레르기 비염 설하면역요법 임상",
    "알레르기 비염 환자 대상 집먼지진드기 설하면역요법 임상을 수행합니다. "
    "비용종 환자는 제외됩니다.",
    "ct|allergy,otolaryngology|bio"),
   ("소아 중이염 환기관 연구",
    "소아 삼출성 중이염 환자의 환기관 삽입술 관련 기기 연구를 진행합니다.",
    "ct|otolaryngology,pediatrics|dev"),
   ("부비동 CT AI 판독 소프트웨어 검증",
    "부비동 CT에서 점막 비후를 자동 정량화하는 AI 검증 연구를 수행할 수 있습니다. "
    "약물 임상은 하지 않습니다.",
    "cv|otolaryngology|ai")])

Q("ko", "Dentiq (덴티큐)", "Jeonbuk",
  "구강 진단 키트를 개발하는 회사입니다.",
  ("치주염 타액 진단키트 임상 성능시험",
   "타액 속 염증 단백질로 치주염 중증도를 판별하는 현장진단 키트를 개발했습니다. "
   "치주과 전문의의 치주낭 측정 결과와 비교하는 임상 성능시험을 함께할 치과병원이 필요합니다. "
   "체외진단의료기기 허가용 자료로 사용할 예정입니다.",
   "cv|dentistry|dx"),
  ("Periodontal clinic with probing-verified saliva collection",
   "Our periodontology department examines about 5,000 patients a year with full-mouth probing depth and attachment loss charting. "
   "We have collected saliva and gingival fluid for two point-of-care test performance studies intended for licensing submissions.",
   "cv|dentistry|dx"),
  [("구강암 조기진단 연구",
    "구강악안면외과에서 구강암 의심 병변의 조직검사 및 검체를 보관합니다.",
    "da|dentistry,oncology|dx"),
   ("치주염 치료제 국소 투여 임상",
    "치주염 환자에게 치주낭 내 국소 항생제를 투여하는 임상을 진행했습니다. "
    "진단기기 평가는 경험이 없습니다.",
    "ct|dentistry|sm")])

Q("ko", "Woundcare Lab (운드케어랩)", "Gyeongnam",
  "기능성 창상 드레싱 개발 기업입니다.",
  ("당뇨발 궤양 드레싱 임상시험",
   "당뇨병성 족부궤양 환자 대상 항균 하이드로겔 드레싱 확증 임상을 진행하려 합니다. 와그너 2등급 궤양 환자 모집이 가능한 병원을 찾습니다.",
   "ct|endocrinology,dermatology|dev"),
  ("Diabetic foot ulcer clinic",
   "A multidisciplinary team of endocrinologists, plastic surgeons and wound nurses treats around 400 people with foot ulcers from diabetes each year. "
   "Ulcers are staged and photographed weekly, and offloading casts are applied in clinic. "
   "We have completed two dressing trials and one growth-factor trial.",
   "ct|endocrinology,dermatology|dev"),
  [("욕창 관리 드레싱 연구",
    "요양병동 장기 와상 환자의 욕창 드레싱 효과 연구를 수행합니다.",
    "ct|geriatrics,dermatology|dev"),
   ("당뇨망막병증 레이저 치료 임상",
    "당뇨망막병증 환자 대상 레이저 치료 기기 임상이 가능합니다.",
    "ct|ophthalmology,endocrinology|dev"),
   ("화상 창상 줄기세포 시트",
    "화상 환자 대상 자가 줄기세포 시트 이식 연구를 수행합니다. "
    "당뇨 환자는 제외합니다.",
    "ct|dermatology|cell")])

Q("ko", "Fluorion (플루오리온)", "Incheon",
  "진단용 방사성의약품 개발사입니다.",
  ("유방암 에스트로겐 수용체 PET 추적자 첫 인체 적용",
   "에스트로겐 수용체를 영상화하는 F-18 표지 PET 추적자를 개발했습니다. "
   "핫셀과 합성 모듈을 갖춘 핵의학과에서 현장 합성 후 전이성 유방암 환자 대상 탐색 임상을 하고 싶습니다. "
   "방사선 피폭 선량 평가도 필요합니다.",
   "ct|oncology|rp"),
  ("Nuclear medicine hot lab for first-in-human tracers",
   "Our nuclear medicine department has a cyclotron, shielded hot cells and automated synthesis modules, and has made six investigational fluorine-labelled tracers under GMP for first-in-human imaging. "
   "Dosimetry studies with whole-body scans are routine. "
   "The breast oncology clinic next door refers patients with metastatic hormone-positive disease.",
   "ct,fu|oncology|rp"),
  [("전립선암 PSMA 방사성리간드 치료",
    "전이성 거세저항성 전립선암 환자에게 Lu-177 PSMA 치료를 시행합니다.",
    "ct|oncology,urology|rp"),
   ("유방암 MRI AI 판독 검증",
    "유방 MRI 영상 8천 건을 이용해 유방암 진단 AI 검증이 가능합니다.",
    "cv|oncology|ai"),
   ("유방암 표적항암제 2상",
    "HR 양성 전이성 유방암 환자 대상 경구 CDK4/6 억제제 임상을 수행합니다. "
    "PET 추적자 합성 시설은 없습니다.",
    "ct|oncology|sm"),
   ("유방암 FDG PET 병기 영상 데이터",
    "유방암 환자의 병기 설정용 FDG PET-CT 영상 3천 건을 보유합니다. "
    "신규 추적자 합성이나 투여 임상은 하지 않습니다.",
    "da|oncology|rp")])

Q("ko", "Assaylink (어세이링크)", "Sejong",
  "분자진단 키트 스타트업입니다.",
  ("체외진단기기 식약처 허가용 임상적 성능시험 및 인허가 자문",
   "호흡기 바이러스 다중 PCR 키트의 식약처 3등급 허가를 준비 중입니다. 진단검사의학과에서 임상적 성능시험을 수행하고 허가 자료 작성까지 조언받고 싶습니다.",
   ""),
  ("Laboratory medicine performance evaluation and approval support",
   "Our laboratory medicine department is a designated clinical performance evaluation site for in vitro diagnostic devices. "
   "We have run more than 30 evaluations of molecular respiratory panels and help sponsors write the clinical sections of their Korean approval dossiers.",
   "cv,rg|infectious_disease|dx"),
  [("FDA 510(k) 의료기기 인허가 컨설팅",
    "미국 FDA 510(k) 제출 전략과 사전 미팅을 지원합니다. "
    "국내 식약처 허가는 다루지 않습니다.",
    "rg||dev"),
   ("의료기기 GMP 심사 대응 교육",
    "의료기기 제조 품질관리(GMP) 심사 대응 교육 과정을 운영합니다.",
    "mt,rg||dev"),
   ("호흡기 바이러스 검체 은행",
    "인플루엔자, RSV 양성 비인두 검체를 보관해 연구용으로 분양합니다. "
    "허가용 성능시험 기관 지정은 받지 않았습니다.",
    "da|infectious_disease,respiratory|dx")])

Q("ko", "Primab (프라이맙)", "Gyeonggi",
  "항체 신약 개발 바이오텍입니다.",
  ("영장류 약동학 시험 시설 이용",
   "항체 후보물질의 IND 제출 전 게잡이원숭이 약동학(PK) 시험이 필요합니다. "
   "국내에서 영장류 시설을 단기 임대하거나 위탁할 수 있는 곳을 찾습니다.",
   "fu||bio"),
  ("Non-human primate research centre",
   "Our university's primate centre houses about 400 cynomolgus and rhesus macaques in a facility accredited for laboratory animal care. "
   "Staff run single- and repeat-dose pharmacokinetic studies of antibodies for outside sponsors, with serial blood sampling and bioanalysis support.",
   "fu||bio", ),
  [("마우스 이종이식 종양 모델",
    "면역결핍 마우스에 환자유래 종양을 이식하는 동물모델 서비스를 제공합니다.",
    "fu|oncology|bio"),
   ("비글견 반복투여 독성시험",
    "비글견을 이용한 반복투여 독성시험을 GLP 기준으로 수행합니다.",
    "fu||sm"),
   ("항체 약동학 분석법 개발",
    "혈중 항체 농도 측정 ELISA 분석법을 개발해 드립니다. "
    "동물 사육 시설은 없습니다.",
    "fu||bio")],
  kind="university")

Q("ko", "Artiflex Bio (아티플렉스바이오)", "Daejeon",
  "자가면역질환 치료제 개발사입니다.",
  ("건선성 관절염 환자 코호트 및 임상",
   "건선성 관절염 대상 경구 TYK2 억제제 2상을 준비 중입니다. 피부와 관절을 함께 평가할 수 있는 류마티스내과-피부과 협진 체계가 있는 병원을 찾습니다.",
   "ct|rheumatology,dermatology|sm"),
  ("Psoriatic joint disease combined clinic",
   "Rheumatologists and dermatologists see patients together in a weekly combined clinic for arthritis linked to psoriasis, with about 700 patients in follow-up. "
   "Joint counts, enthesitis scores and skin severity are recorded at each visit, and the team has recruited into several trials of oral and injectable drugs.",
   "ct|rheumatology,dermatology|sm"),
  [("류마티스관절염 초음파 연구",
    "류마티스관절염 환자의 관절 초음파 활막염 평가 연구를 수행합니다.",
    "ct|rheumatology|dx"),
   ("판상 건선 광선치료 임상",
    "피부과에서 판상 건선 환자 대상 광선치료 및 외용제 임상을 수행합니다. "
    "관절 평가는 하지 않습니다.",
    "ct|dermatology|"),
   ("강직성 척추염 생물학적제제 임상",
    "강직성 척추염 환자 대상 IL-17 항체 임상을 수행했습니다.",
    "ct|rheumatology|bio")])

Q("ko", "Lunawell (루나웰)", "Seoul",
  "여성 건강 디지털 헬스케어 회사입니다.",
  ("자궁내막증 통증 관리 앱 임상",
   "자궁내막증 환자의 월경통과 만성 골반통을 관리하는 앱을 개발했습니다. "
   "산부인과 외래에서 12주 무작위 배정 임상을 하고 싶습니다. "
   "복강경으로 진단된 환자 모집이 가능했으면 합니다.",
   "ct|reproductive_medicine|dh"),
  ("Endometriosis and pelvic pain service",
   "Our gynaecology department confirms about 500 cases a year at laparoscopy and follows them in a dedicated pelvic pain clinic. "
   "Pain diaries and quality-of-life scores are already collected electronically, and we are open to randomised trials of app-based self-management.",
   "ct|reproductive_medicine|dh"),
  [("난임 시험관 시술 앱 연구",
    "난임센터에서 시험관 시술 환자의 주사 일정 관리 앱 연구를 수행합니다.",
    "cv|reproductive_medicine|dh"),
   ("다낭성난소증후군 코호트",
    "다낭성난소증후군 여성의 대사 지표 추적 코호트를 운영합니다.",
    "da|reproductive_medicine,endocrinology|"),
   ("자궁근종 고강도 초음파 치료",
    "자궁근종 환자에게 고강도 집속 초음파 치료를 시행하며 기기 임상이 가능합니다.",
    "ct|reproductive_medicine|dev")])

Q("ko", "Safestep (세이프스텝)", "Ulsan",
  "웨어러블 낙상 감지 기기를 만듭니다.",
  ("노인 낙상 감지 웨어러블 실사용 검증",
   "허리 착용형 낙상 감지 센서. 요양병원·노인병동 고령 환자 대상 3개월 실사용 검증 희망. 낙상 발생 기록과 비교 가능 기관.",
   "cv|geriatrics|dev,dh"),
  ("Geriatric ward network for falls research",
   "Our geriatric medicine department runs a 90-bed acute elderly care unit and partners with four long-term care hospitals. "
   "Every fall is logged by nurses in an incident system, and we have tested bed-exit alarms and wearable accelerometers with frail older patients.",
   "cv|geriatrics|dev"),
  [("파킨슨병 보행 분석",
    "파킨슨병 환자의 보행 동결 현상을 동작분석실에서 측정합니다.",
    "cv|neurology|dev"),
   ("고령자 근감소증 운동 앱 연구",
    "근감소증 고령자 대상 근력 운동 앱 효과 연구를 합니다. "
    "낙상 센서 평가는 하지 않습니다.",
    "ct|geriatrics|dh")])

Q("ko", "Hemogenix (헤모제닉스)", "Gyeonggi",
  "혈우병 유전자치료제 개발사",
  ("혈우병 A 유전자치료 장기 추적 기관",
   "AAV 기반 혈우병 A 유전자치료제 국내 1/2상 및 5년 장기 추적 계획. 혈우병 환자 다수 진료, 응고인자 활성 측정 가능한 기관 필요.",
   "ct|hematology,rare_disease|gene"),
  ("Haemophilia treatment centre",
   "Our haemophilia centre cares for about 320 men with factor VIII or IX deficiency and has its own coagulation laboratory for factor activity and inhibitor assays. "
   "We already follow participants from a viral-vector gene transfer trial and can support long-term safety follow-up.",
   "ct|hematology,rare_disease|gene"),
  [("혈우병 예방요법 앱",
    "혈우병 환자의 응고인자 자가주사 기록 앱을 운영합니다.",
    "da|hematology|dh"),
   ("겸상적혈구 빈혈 유전자편집 연구",
    "유전자편집 기반 빈혈 치료 전임상 연구를 수행합니다. "
    "환자 진료는 하지 않습니다.",
    "cd|hematology,rare_disease|gene"),
   ("폰빌레브란트병 진단 검사",
    "출혈 질환 진단을 위한 폰빌레브란트 인자 검사를 제공합니다.",
    "cv|hematology|dx"),
   ("혈우병 B 유전자치료 전임상 마우스 모델",
    "혈우병 B 마우스 모델에서 AAV 벡터 효능을 평가하는 기초의학 실험실입니다. "
    "환자 진료는 하지 않습니다.",
    "fu|hematology,rare_disease|gene")])

Q("ko", "Migrix (마이그릭스)", "Busan",
  "두통 치료제 개발 기업입니다.",
  ("편두통 CGRP 치료 실사용 자료",
   "편두통 예방약 CGRP 항체 사용 환자의 실사용 근거(RWE) 분석을 하고 싶습니다. 두통 일지가 포함된 레지스트리를 보유한 신경과와 협력을 원합니다.",
   "da|neurology|bio"),
  ("Headache clinic registry",
   "Our neurology headache clinic has kept an electronic headache diary registry since 2018, covering 2,600 people with migraine, "
   "including about 800 on monthly injectable preventives targeting the calcitonin gene-related peptide pathway. "
   "Monthly migraine days and disability scores are recorded.",
   "da|neurology|bio"),
  [("뇌전증 약물 레지스트리",
    "뇌전증 환자의 항경련제 사용 및 발작 빈도 레지스트리를 운영합니다.",
    "da|neurology|sm"),
   ("긴장형 두통 도수치료 연구",
    "재활의학과에서 긴장형 두통 환자의 도수치료 효과를 연구합니다.",
    "ct|neurology|"),
   ("편두통 신경조절 기기 임상",
    "편두통 환자 대상 비침습 미주신경 자극기 임상을 수행합니다.",
    "ct|neurology|dev")])

Q("ko", "Pinmark (핀마크)", "Seoul",
  "흉부외과 수술 보조기기 개발사입니다.",
  ("폐결절 수술 전 위치 표지 기기 공동개발",
   "작은 간유리 폐결절을 흉강경 수술 중 쉽게 찾도록 돕는 자성 표지자를 개발 중입니다. "
   "흉부외과와 공동개발 및 임상 적용을 하고 싶습니다. "
   "현재는 동물실험 단계이며, 수술 현장 피드백이 필요합니다. "
   "연간 폐 부분절제술이 많은 병원을 선호합니다.",
   "cd|oncology,respiratory|dev"),
  ("Thoracic surgery team for nodule localisation devices",
   "Our thoracic surgeons perform about 900 video-assisted lung resections a year, many for small ground-glass nodules that cannot be felt. "
   "We currently mark them with CT-guided dye or hook wires and are keen to co-develop a better localisation method, from animal testing to first clinical use.",
   "cd|oncology,respiratory|dev"),
  [("폐암 면역항암제 임상",
    "비소세포폐암 환자 대상 PD-1 억제제 병용 임상을 다수 수행했습니다.",
    "ct|oncology,respiratory|bio"),
   ("폐결절 CT AI 검출 검증",
    "흉부 CT에서 폐결절을 검출하는 AI 소프트웨어 검증 연구를 지원합니다.",
    "cv|respiratory,oncology|ai"),
   ("기관지 내시경 항법 시스템 임상",
    "말초 폐병변 조직검사를 위한 전자기 항법 기관지내시경 임상 경험이 있습니다. "
    "수술 전 표지는 하지 않습니다.",
    "ct|respiratory|dev")])

Q("ko", "Cervicheck (서비체크)", "Jeonnam",
  "자가 채취 검사 키트 스타트업입니다.",
  ("HPV 자가채취 키트 임상 검증",
   "여성이 집에서 질 검체를 채취하는 HPV 검사 키트를 만들었습니다. "
   "의사 채취 검체와 일치도를 비교하는 검증 연구를 자궁경부암 검진 기관과 하고 싶습니다.",
   ""),
  ("Cervical screening clinic for self-sampling studies",
   "Our gynaecologic oncology department runs a colposcopy clinic receiving about 3,000 referrals a year after abnormal screening. "
   "We compared patient-collected and clinician-collected samples for papillomavirus testing in a previous agreement study and can repeat this for new kits.",
   "cv|reproductive_medicine,oncology|dx"),
  [("HPV 백신 면역원성 연구",
    "청소년 대상 HPV 백신 면역원성 임상을 수행합니다.",
    "ct|infectious_disease,pediatrics|vac"),
   ("자궁경부 세포검사 AI",
    "자궁경부 세포검사 슬라이드 디지털 영상 AI 검증이 가능합니다.",
    "cv|oncology|ai")])

Q("ko", "Gramshield (그램실드)", "Daejeon",
  "항생제 신약 후보물질을 도입하려는 제약사입니다.",
  ("그람음성균 항생제 후보물질 기술도입",
   "다제내성 그람음성균에 작용하는 신규 골격 항생제 후보물질의 라이선스 인을 검토하고 있습니다. "
   "대학 연구실의 전임상 단계 물질이면 충분합니다.",
   "li|infectious_disease|sm"),
  ("Licensable antibiotic scaffold against resistant Gram-negative bacteria",
   "A medicinal chemistry lab at our university has a new class of outer-membrane-targeting compounds active against carbapenem-resistant Acinetobacter and Klebsiella in mouse thigh infection models. "
   "The technology transfer office offers an exclusive licence with patent applications filed in Korea, the US and Europe.",
   "li|infectious_disease|sm"),
  [("항진균제 후보물질 기술이전",
    "칸디다 감염에 작용하는 항진균 화합물의 기술이전을 제안합니다.",
    "li|infectious_disease|sm"),
   ("항바이러스 항체 기술이전",
    "호흡기 바이러스 중화항체 특허의 기술이전이 가능합니다.",
    "li|infectious_disease|bio"),
   ("그람양성균 박테리오파지 치료 연구",
    "황색포도알균 감염 치료용 박테리오파지를 연구합니다. "
    "그람음성균은 대상이 아닙니다.",
    "cd|infectious_disease|bio")],
  kind="university")

Q("ko", "Eyegaze Kids (아이게이즈키즈)", "Gyeonggi",
  "발달장애 선별 소프트웨어를 개발합니다.",
  ("자폐 스펙트럼 조기 선별 시선추적 검증",
   "18~36개월 영유아의 시선추적 패턴으로 자폐 스펙트럼 장애를 선별하는 소프트웨어입니다. 소아정신과 진단 결과와 비교하는 임상 검증을 원합니다.",
   "cv|psychiatry,pediatrics|ai"),
  ("Toddler developmental assessment clinic",
   "Our child and adolescent psychiatry team diagnoses about 400 young children a year with gold-standard autism observation schedules. "
   "We have tested eye-tracking and video-based screening tools against clinical diagnosis in children under three.",
   "cv|psychiatry,pediatrics|ai"),
  [("ADHD 아동 디지털 치료기기",
    "주의력결핍 과잉행동장애 아동 대상 게임형 치료기기 임상을 수행합니다.",
    "ct|psychiatry,pediatrics|dh"),
   ("성인 우울증 음성 분석 AI",
    "성인 우울증 환자의 음성 데이터를 이용한 AI 연구를 수행합니다.",
    "cv|psychiatry|ai"),
   ("소아 언어발달 평가",
    "언어치료실에서 소아 언어발달 지연 평가 도구 연구를 합니다.",
    "cv|pediatrics|")])

Q("ko", "Veinpath (베인패스)", "Seoul",
  "말초혈관 중재 의료기기 창업 2년차 회사입니다.",
  ("초기 의료기기 스타트업 시드 투자 및 병원 연계",
   "저희는 하지 정맥 폐쇄용 카테터를 개발하는 초기 스타트업입니다. "
   "시제품과 동물실험 결과는 있지만 매출은 아직 없습니다. "
   "병원 기술지주회사나 병원 펀드에서 시드 투자를 받고, 동시에 혈관외과 교수님의 임상 자문을 연결받고 싶습니다. "
   "투자 규모는 3~5억 원 정도를 생각하고 있습니다. "
   "IR 자료는 바로 보내드릴 수 있습니다.",
   "iv|cardiology|dev"),
  ("Hospital holding company seed investments",
   "The hospital's technology holding company makes seed and pre-series A investments of 200 to 800 million won in medical device start-ups, including companies with no revenue yet. "
   "Portfolio companies are paired with a clinician adviser from the relevant department, for example vascular surgery or cardiology, and get access to the hospital's animal lab.",
   "iv,mt|cardiology|dev"),
  [("교원 창업 사업화 교육 과정",
    "대학 산학협력단에서 소속 교원과 대학원생의 실험실 창업을 위한 사업화 교육을 운영합니다. "
    "외부 기업은 참여할 수 없고 직접 투자도 하지 않습니다.",
    "mt||"),
   ("하지정맥류 레이저 치료 임상",
    "혈관외과에서 하지정맥류 환자의 정맥 내 레이저 폐쇄술 임상을 수행합니다.",
    "ct|cardiology|dev"),
   ("바이오 후기 단계 성장 투자",
    "매출이 발생한 바이오·헬스케어 기업의 시리즈 B 이상 성장 투자를 집행합니다. "
    "시드 단계 투자는 하지 않습니다.",
    "iv||")])

# ===========================================================================
# Needs written in ENGLISH (gold capability written in Korean)
# ===========================================================================
Q("en", "Ovaris Therapeutics (오바리스테라퓨틱스)", "Seoul",
  "Clinical-stage oncology company developing DNA damage response drugs.",
  ("Sites for a phase 2 PARP inhibitor study in recurrent ovarian cancer",
   "We are planning a phase 2 study of a next-generation PARP inhibitor in platinum-sensitive recurrent ovarian cancer. "
   "We need gynaecologic oncology sites that test for BRCA and homologous recombination deficiency and can enrol about 15 patients each over 18 months. "
   "Experience with maintenance-therapy trials would be a plus. "
   "The drug is given orally once a day, and the main safety concern so far has been anaemia, so sites need quick access to transfusion. "
   "CT scans every 8 weeks will be read centrally. "
   "We hope to open sites in Korea within nine months and would like to meet investigators beforehand.",
   "ct|oncology,reproductive_medicine|sm"),
  ("부인암센터 난소암 임상시험",
   "부인암센터에서 매년 난소암 신환 150여 명을 진료하며 재발 난소암 환자 대상 유지요법 임상에 여러 차례 참여했습니다. "
   "BRCA 유전자 검사와 상동재조합 결핍 검사를 원내에서 시행합니다. "
   "전담 연구간호사 3명이 근무합니다.",
   "ct|oncology,reproductive_medicine|sm"),
  [("PARP inhibitor trials in HER2-negative breast cancer",
    "Our breast cancer centre has run several PARP inhibitor trials in germline BRCA-mutated breast cancer. "
    "We do not treat gynaecological cancers.",
    "ct|oncology|sm"),
   ("Ovarian cancer surgery device evaluation",
    "Our gynaecologic surgeons can evaluate new energy devices and retractors during debulking surgery for advanced ovarian cancer.",
    "cv|oncology,reproductive_medicine|dev"),
   ("Ovarian cancer ascites biobank",
    "We store ascites and tumour tissue from ovarian cancer surgery for research use. "
    "We do not run interventional drug trials.",
    "da|oncology,reproductive_medicine|"),
   ("Ovarian cancer PARP inhibitor real-world data",
    "We hold prescription and outcome data for ovarian cancer patients on PARP inhibitor maintenance. "
    "We do not run interventional trials.",
    "da|oncology,reproductive_medicine|sm")])

Q("en", "Somnitrack (솜니트랙)", "Gyeonggi",
  "Home sleep testing device maker.",
  ("Validation of a home sleep apnoea test against polysomnography",
   "Our forehead-worn sensor estimates the apnoea-hypopnoea index at home. We need a sleep centre to run simultaneous in-lab polysomnography in about 150 adults with suspected obstructive sleep apnoea.",
   "cv|respiratory,neurology|dev"),
  ("수면센터 수면다원검사 기반 기기 검증",
   "수면센터에서 연간 수면다원검사 2,500건을 시행하며 폐쇄성 수면무호흡 의심 환자가 대부분입니다. "
   "검사실 수면다원검사와 동시에 착용형 기기를 측정하는 비교 연구를 수행한 경험이 있습니다.",
   "cv|respiratory,neurology|dev"),
  [("Digital therapy for chronic insomnia",
    "Our psychiatry department runs trials of app-based therapy for adults with chronic insomnia. "
    "We do not perform overnight breathing studies.",
    "ct|psychiatry|dh"),
   ("Snoring surgery outcomes study",
    "Our ENT surgeons study outcomes of palate and tongue-base surgery for snoring.",
    "ct|otolaryngology|"),
   ("Sleep apnoea CPAP adherence data",
    "We hold telemonitoring data from 4,000 CPAP users for adherence analyses.",
    "da|respiratory|dh")])

Q("en", "Cartigen (카티젠)", "Incheon",
  "Allogeneic cell therapy developer.",
  ("Orthopaedic partner for a knee cartilage cell therapy trial",
   "We have an allogeneic cord-blood-derived cell product for full-thickness cartilage defects of the knee. "
   "We are looking for an orthopaedic department that performs arthroscopic cartilage repair and can assess defects with MRI and second-look arthroscopy. "
   "The study would be a phase 3 trial against microfracture.",
   "ct|orthopedics|cell"),
  ("무릎 연골 재생 수술 및 세포치료 임상",
   "정형외과 관절센터에서 무릎 연골 결손 환자에게 관절경 연골 재생술을 연 300건 시행합니다. "
   "미세천공술 비교 임상과 세포치료제 임상 경험이 있으며, 연골 MRI 정량 평가와 2차 관절경 확인이 가능합니다.",
   "ct|orthopedics|cell"),
  [("Robotic knee replacement studies",
    "We perform robot-assisted total knee replacement and evaluate implant alignment software.",
    "cv|orthopedics|dev"),
   ("Rotator cuff repair biologics",
    "Our shoulder team tests biologic patches for rotator cuff tendon repair.",
    "ct|orthopedics|bio"),
   ("Cartilage tissue engineering lab",
    "Our bioengineering lab develops scaffolds for cartilage regeneration in rabbits. "
    "We have no clinical trial capacity.",
    "cd|orthopedics|cell")])

Q("en", "Helixa Bio (헬릭사바이오)", "Seoul",
  "RNA interference company focused on chronic viral hepatitis.",
  ("Phase 1b sites for an siRNA in chronic hepatitis B",
   "Seeking hepatology sites for a phase 1b study of a subcutaneous siRNA aiming at functional cure of chronic hepatitis B. "
   "Patients should be virologically suppressed on nucleos(t)ide analogues; quantitative HBsAg testing is required.",
   "ct|infectious_disease,gastroenterology|gene"),
  ("B형간염 환자 코호트 및 초기 임상",
   "간센터에서 항바이러스제를 복용 중인 만성 B형간염 환자 약 8,000명을 추적하고 있습니다. "
   "표면항원 정량 검사를 정기적으로 시행하며, 핵산 치료제 초기 임상 참여 경험이 있습니다.",
   "ct|infectious_disease,gastroenterology|"),
  [("Hepatitis C treatment outcomes registry",
    "We maintain a registry of patients treated with direct-acting antivirals for hepatitis C.",
    "da|infectious_disease,gastroenterology|sm"),
   ("Liver fibrosis elastography studies",
    "Our liver unit validates elastography devices for staging fibrosis in fatty liver disease.",
    "cv|gastroenterology|dev"),
   ("siRNA delivery chemistry",
    "Our chemistry department designs lipid and conjugate delivery systems for siRNA. "
    "We do not run clinical studies.",
    "cd||gene"),
   ("Hepatitis B vaccine non-responder study",
    "We study healthcare workers who do not respond to hepatitis B vaccination.",
    "ct|infectious_disease|vac")])

Q("en", "Neonatal Sense (네오나탈센스)", "Daejeon",
  "Contact-free monitoring start-up.",
  ("NICU partner for radar-based vital sign monitoring",
   "Our radar sensor measures breathing and heart rate without touching the skin. We'd like to compare it with standard monitors in premature babies.",
   ""),
  ("신생아중환자실 비접촉 모니터링 연구",
   "신생아중환자실 40병상을 운영하며 재태기간 32주 미만 미숙아가 연간 200명 입원합니다. "
   "기존 심전도·산소포화도 모니터와 새 기기를 비교하는 연구를 수행할 수 있고, 부모 동의 절차에 익숙합니다.",
   "cv|pediatrics|dev"),
  [("Adult ICU wearable monitoring",
    "Our medical ICU tests wearable patches for continuous monitoring of adult patients.",
    "cv|respiratory|dev"),
   ("Childhood fever app study",
    "Our paediatric emergency team studies a parent app that tracks fever in children at home.",
    "cv|pediatrics|dh"),
   ("Radar sensor engineering lab",
    "Our electrical engineering lab develops millimetre-wave radar signal processing. "
    "There is no clinical access.",
    "cd||dev")])

Q("en", "Scarless Bio (스카리스바이오)", "Gyeonggi",
  "Dermatology drug developer.",
  ("Keloid trial site",
   "We are starting a phase 2 trial of an intralesional injection for keloids and need a dermatology or plastic surgery clinic that sees many keloid patients.",
   "ct|dermatology|bio"),
  ("켈로이드 흉터 클리닉",
   "피부과 흉터 클리닉에서 켈로이드 환자 연 600명을 진료합니다. "
   "병변 내 스테로이드 주사, 레이저 치료 경험이 있으며 흉터 평가 척도와 3차원 촬영으로 부피를 측정합니다.",
   "ct|dermatology|"),
  [("Vitiligo phototherapy trials",
    "Our dermatology department runs trials of topical drugs with phototherapy in vitiligo.",
    "ct|dermatology|sm"),
   ("Post-surgical scar silicone gel",
    "Our plastic surgery team studies silicone gel sheets after thyroid surgery scars. "
    "Keloids are excluded.",
    "ct|dermatology|dev")])

Q("en", "Lupira Diagnostics (루피라진단)", "Busan",
  "Urine proteomics company.",
  ("Lupus nephritis urine samples with biopsy results",
   "We are validating a urine biomarker panel that predicts lupus nephritis flares. "
   "We need stored urine samples matched to kidney biopsy class and treatment response, ideally collected at several time points.",
   "da|rheumatology,nephrology|dx"),
  ("루푸스 신염 코호트 검체",
   "류마티스내과에서 전신홍반루푸스 환자 900명을 추적하며 그중 신장 침범 환자는 신생검 조직형과 치료 반응을 기록합니다. "
   "방문 시마다 소변을 채취해 인체자원은행에 보관합니다.",
   "da|rheumatology,nephrology|dx"),
  [("IgA nephropathy biopsy registry",
    "We maintain a registry of IgA nephropathy patients with biopsy scores.",
    "da|nephrology|"),
   ("Rheumatoid arthritis serum bank",
    "Our rheumatology department stores serum from early rheumatoid arthritis patients.",
    "da|rheumatology|dx"),
   ("Lupus skin disease trials",
    "We run trials in cutaneous lupus. "
    "Kidney involvement is not assessed.",
    "ct|dermatology,rheumatology|bio")])

Q("en", "Pancrea Loop (판크레아루프)", "Seoul",
  "Automated insulin delivery company.",
  ("Paediatric type 1 diabetes closed-loop study",
   "We need a paediatric diabetes clinic for a 6-month trial of our hybrid closed-loop insulin pump in children aged 7 to 17 with type 1 diabetes. "
   "The clinic should already manage pump users and have a diabetes educator.",
   "ct|endocrinology,pediatrics|dev"),
  ("소아청소년 제1형 당뇨병 클리닉",
   "소아청소년과 내분비 분과에서 제1형 당뇨병 소아 환자 350명을 진료하며 그중 100명 이상이 인슐린 펌프를 사용합니다. "
   "당뇨 교육 간호사가 상주하며, 연속혈당측정기 연구 경험이 있습니다.",
   "ct|endocrinology,pediatrics|dev"),
  [("Adult type 2 diabetes CGM study",
    "Our endocrinology department studies continuous glucose monitoring in adults with type 2 diabetes.",
    "cv|endocrinology|dev"),
   ("Gestational diabetes app",
    "Our obstetrics team evaluates an app for managing gestational diabetes.",
    "cv|endocrinology,reproductive_medicine|dh"),
   ("Islet transplantation programme",
    "We perform islet transplantation in adults with brittle type 1 diabetes.",
    "ct|endocrinology|cell")])

Q("en", "Cardiowatch (카디오워치)", "Daegu",
  "Remote monitoring for heart failure.",
  ("Heart failure remote monitoring pilot",
   "We monitor lung fluid with a vest-type sensor. We want to run a pilot with recently discharged heart failure patients to see if alerts reduce readmissions.",
   "cv|cardiology|dh,dev"),
  ("심부전 클리닉 퇴원 후 원격 모니터링",
   "심부전 클리닉에서 연 500명의 심부전 입원 환자를 퇴원 후 추적합니다. "
   "전담 간호사가 체중과 증상을 전화로 확인하고 있으며 재입원율 감소를 위한 원격 모니터링 기기 연구에 관심이 많습니다.",
   "cv|cardiology|dh"),
  [("Hypertension app trial",
    "We run trials of blood pressure apps in primary care patients.",
    "ct|cardiology|dh"),
   ("Exercise-based rehab after heart attack",
    "Our cardiac rehab centre offers exercise training after heart attack.",
    "cv|cardiology|"),
   ("Heart failure drug phase 3",
    "We enrol patients with reduced ejection fraction into phase 3 drug trials.",
    "ct|cardiology|sm")])

Q("en", "Angioflex (앤지오플렉스)", "Gyeongbuk",
  "Endovascular device company.",
  ("Drug-coated balloon study in femoropopliteal artery disease",
   "We are looking for interventional sites for a pivotal trial of our paclitaxel-coated balloon in leg artery disease above the knee. "
   "Sites should perform at least 100 femoropopliteal interventions a year and do duplex ultrasound follow-up.",
   "ct|cardiology|dev"),
  ("말초동맥질환 혈관중재 시술",
   "심혈관센터에서 하지 말초동맥 폐쇄 환자에게 풍선확장술과 스텐트 시술을 연 250건 시행합니다. "
   "대퇴-슬와동맥 병변이 가장 많고, 시술 후 도플러 초음파로 개존 여부를 추적합니다.",
   "ct|cardiology|dev"),
  [("Coronary stent trials",
    "Our cath lab enrols patients in coronary drug-eluting stent trials.",
    "ct|cardiology|dev"),
   ("Varicose vein treatment",
    "Our vascular clinic treats varicose veins with radiofrequency ablation.",
    "ct|cardiology|dev"),
   ("Carotid stenting registry",
    "We keep a registry of carotid artery stenting for stroke prevention.",
    "da|cardiology,neurology|dev")])

Q("en", "Quietear (콰이어티어)", "Seoul",
  "Digital therapeutics for hearing disorders.",
  ("Tinnitus digital therapy clinical trial",
   "Our sound therapy app targets chronic subjective tinnitus. We need an otology clinic to run a randomised trial.",
   ""),
  ("이명 클리닉 임상연구",
   "이비인후과 이명 클리닉에서 만성 이명 환자를 연 1,200명 진료하며 이명 장애 설문과 순음청력검사를 시행합니다. "
   "소리 치료와 인지행동치료 연구를 수행한 경험이 있습니다.",
   "ct|otolaryngology|dh"),
  [("Vertigo rehabilitation",
    "Our dizziness clinic studies vestibular rehabilitation exercises.",
    "ct|otolaryngology|"),
   ("Tinnitus brain imaging lab",
    "Our neuroscience lab studies tinnitus with functional MRI. "
    "We do not run trials.",
    "cd|neurology|")])

Q("en", "Rarefind (레어파인드)", "Seoul",
  "Genomic interpretation software for rare disease.",
  ("Access to genome data from children with undiagnosed rare disease",
   "We develop variant prioritisation software. We want access to whole-genome sequences and clinical phenotypes (HPO terms) from children with suspected rare genetic disorders, with final diagnoses, to benchmark our tool. "
   "We do not need raw data to leave the hospital: we can run our software inside your secure analysis environment. "
   "A few hundred solved cases would already be useful. "
   "Unsolved cases are interesting too, since our tool may suggest new candidates that your team could review. "
   "We are happy to co-author any publication.",
   "da|rare_disease,pediatrics|ai"),
  ("희귀질환 소아 유전체 데이터",
   "소아 희귀질환센터에서 진단되지 않은 유전질환 의심 소아 1,600명의 전장유전체 데이터와 표준화된 표현형 정보를 보유하고 있습니다. "
   "최종 진단 결과가 함께 기록되어 있으며, 심의를 거쳐 외부 기업에 분석 환경을 제공합니다.",
   "da|rare_disease,pediatrics|"),
  [("Adult cancer genome data",
    "We hold tumour sequencing data from adult cancer patients.",
    "da|oncology|"),
   ("Newborn metabolic screening",
    "Our lab runs newborn metabolic screening by mass spectrometry.",
    "cv|pediatrics,rare_disease|dx"),
   ("Rare disease patient registry (adults)",
    "We maintain a registry of adults with rare neuromuscular disease. "
    "Genome data are not collected.",
    "da|rare_disease,neurology|"),
   ("Paediatric genetics clinic (panel testing only)",
    "Our genetics clinic sees children with suspected syndromes and orders targeted gene panels only. "
    "Whole-genome data are not available.",
    "ct|rare_disease,pediatrics|dx")])

Q("en", "Tsutsu Diagnostics (츠츠진단)", "Jeonbuk",
  "Rapid test maker for tropical and zoonotic infections.",
  ("Clinical samples for a scrub typhus rapid test",
   "We need a site that sees scrub typhus in autumn and can collect blood from patients with fever and eschar, confirmed by PCR or antibody testing, for a rapid-test performance study.",
   "cv|infectious_disease|dx"),
  ("쯔쯔가무시병 환자 검체 및 성능평가",
   "감염내과에서 가을철 쯔쯔가무시병 환자를 매년 150명 이상 진료합니다. "
   "가피가 있는 발열 환자의 혈액을 채취하고 PCR 및 간접면역형광항체법으로 확진합니다.",
   "cv|infectious_disease|dx"),
  [("Malaria blood samples",
    "Our travel clinic stores blood from imported malaria cases.",
    "da|infectious_disease|dx"),
   ("Influenza rapid test evaluation",
    "We evaluate rapid influenza antigen tests during flu season.",
    "cv|infectious_disease,respiratory|dx"),
   ("Tick-borne virus research lab",
    "Our lab studies severe fever with thrombocytopenia syndrome virus in ticks.",
    "cd|infectious_disease|")])

Q("en", "Lipidrna (리피드알엔에이)", "Incheon",
  "mRNA vaccine developer.",
  ("GMP facility access for mRNA-LNP clinical batches",
   "We need access to a GMP suite that can formulate mRNA in lipid nanoparticles and fill clinical-trial vials for a phase 1 vaccine study, about 5,000 doses.",
   "fu|infectious_disease|vac"),
  ("mRNA 백신 GMP 시설 이용",
   "대학 부설 백신 공정센터에서 mRNA 지질나노입자 제형화와 무균 충전 설비를 GMP 기준으로 운영합니다. "
   "임상 1상용 소규모 배치 생산에 외부 기업이 시설을 이용할 수 있습니다.",
   "fu|infectious_disease|vac"),
  [("Cell therapy GMP cleanrooms",
    "Our GMP cleanrooms are for cell therapy manufacturing only.",
    "fu||cell"),
   ("Antibody contract manufacturing",
    "We produce monoclonal antibodies in CHO cells under GMP.",
    "fu||bio"),
   ("Vaccine immunology lab",
    "Our lab measures antibody responses after vaccination. "
    "We do not manufacture.",
    "cv|infectious_disease|vac"),
   ("Lipid nanoparticle formulation research lab",
    "Our pharmaceutics lab screens lipid nanoparticle formulations for mRNA at bench scale. "
    "It is not a GMP facility.",
    "cd||vac")],
  kind="university")

Q("en", "Pathomind (패소마인드)", "Gyeonggi",
  "Computational pathology start-up.",
  ("Whole-slide images of colorectal cancer for AI",
   "We need digitised H&E slides of colorectal cancer resections with microsatellite instability status and survival data to train a prognostic model.",
   "da|oncology,gastroenterology|ai"),
  ("대장암 병리 슬라이드 디지털 영상",
   "병리과에서 대장암 수술 조직 슬라이드 4,500장을 고해상도로 스캔해 보관합니다. "
   "현미부수체 불안정성 결과와 5년 생존 정보가 연결되어 있습니다.",
   "da|oncology,gastroenterology|ai"),
  [("Annotated colonoscopy recordings",
    "We hold colonoscopy videos with polyp annotations.",
    "da|gastroenterology|ai"),
   ("Gastric cancer pathology slides",
    "We have digitised stomach cancer biopsy slides.",
    "da|oncology|ai"),
   ("Colorectal cancer CT data",
    "We hold staging CT scans of colorectal cancer patients.",
    "da|oncology|ai"),
   ("Colorectal cancer tissue microarrays",
    "Our biobank provides tissue microarray blocks of colorectal cancer. "
    "Slides are not digitised and survival data are incomplete.",
    "da|oncology,gastroenterology|")])

Q("en", "Medlaunch Asia (메드런치아시아)", "Seoul",
  "Singapore-based digital health start-up entering Korea.",
  ("Hospital mentoring for a foreign start-up entering Korea",
   "We are a Singaporean start-up with a remote patient monitoring platform. "
   "We are looking for a Korean hospital programme that mentors start-ups: introductions to clinicians, understanding hospital purchasing, and pilot design. "
   "We are not looking for investment at this stage.",
   "mt|cardiology|dh"),
  ("병원 창업지원센터 멘토링",
   "병원 창업지원센터에서 국내외 디지털헬스 스타트업에게 임상 교수 연결, 병원 구매 절차 안내, 실증 연구 설계를 지원하는 멘토링을 제공합니다. "
   "해외 기업도 참여할 수 있습니다.",
   "mt||dh"),
  [("Digital health venture fund",
    "Our fund invests in software-only digital health start-ups after their first revenue. "
    "No mentoring is offered.",
    "iv||dh"),
   ("Regulatory consulting for software devices",
    "We advise on software device approvals.",
    "rg||ai"),
   ("Remote monitoring clinical trial",
    "We run a trial of remote monitoring after heart surgery.",
    "ct|cardiology|dh")])

Q("en", "Nuclidex (뉴클리덱스)", "Daejeon",
  "Radioligand therapy developer.",
  ("Sites for radioligand therapy in neuroendocrine tumours",
   "We are developing a somatostatin receptor-targeted lutetium-177 therapy and need sites with experience treating neuroendocrine tumours and a radionuclide therapy ward.",
   "ct|oncology|rp"),
  ("신경내분비종양 방사성동위원소 치료",
   "핵의학과 격리 치료 병실에서 소마토스타틴 수용체 양성 신경내분비종양 환자에게 루테튬 표지 치료를 시행합니다. "
   "종양내과와 다학제 진료를 운영하며 연간 60명이 치료받습니다.",
   "ct|oncology|rp"),
  [("Thyroid radioiodine ward",
    "Our ward gives radioactive iodine for thyroid cancer.",
    "ct|oncology|rp"),
   ("Neuroendocrine tumour surgery",
    "Our surgeons remove pancreatic neuroendocrine tumours.",
    "ct|oncology,gastroenterology|"),
   ("Routine FDG radiopharmacy",
    "Our radiopharmacy produces FDG for routine diagnostic PET scans. "
    "We do not make investigational tracers or give therapy.",
    "fu||rp")])

Q("en", "Motherly Mind (마더리마인드)", "Seoul",
  "Maternal mental health app.",
  ("Postpartum depression app study",
   "Our app offers guided support for new mothers with mild postpartum depression. We need an obstetrics and psychiatry team to run a randomised study.",
   "ct|psychiatry,reproductive_medicine|dh"),
  ("산후우울증 산부인과-정신건강의학과 협력 진료",
   "산부인과 분만 후 모든 산모에게 산후우울 척도 검사를 시행하고 고위험군은 정신건강의학과로 연계합니다. "
   "연간 분만 2,000건이며 디지털 중재 연구에 참여할 수 있습니다.",
   "ct|psychiatry,reproductive_medicine|dh"),
  [("Adolescent depression trial",
    "We run trials in adolescent depression.",
    "ct|psychiatry,pediatrics|"),
   ("Postpartum haemorrhage device",
    "Our obstetrics team evaluates devices for bleeding after delivery.",
    "cv|reproductive_medicine|dev"),
   ("Perinatal anxiety registry",
    "We keep survey data on anxiety during pregnancy.",
    "da|psychiatry,reproductive_medicine|")])

Q("en", "Spinewave (스파인웨이브)", "Gyeonggi",
  "Neuromodulation company.",
  ("Spinal cord injury epidural stimulation feasibility study",
   "Our implantable epidural stimulator aims to restore standing and stepping in chronic spinal cord injury. "
   "We need a rehabilitation medicine and neurosurgery team for a small feasibility study with intensive locomotor training.",
   "ct|neurology|dev"),
  ("척수손상 재활 및 신경조절 연구",
   "재활의학과 척수손상 병동에서 만성 척수손상 환자의 보행 훈련을 시행하며 신경외과와 함께 척수 자극기 이식 연구를 준비하고 있습니다. "
   "로봇 보행 훈련 장비가 있습니다.",
   "ct|neurology|dev"),
  [("Stroke rehabilitation robot",
    "We test upper limb robots after stroke.",
    "ct|neurology|dev"),
   ("Spinal fusion implant study",
    "Our spine surgeons evaluate fusion cages.",
    "ct|orthopedics|dev"),
   ("Deep brain stimulation for Parkinson's",
    "We implant deep brain stimulators in Parkinson's disease.",
    "ct|neurology|dev")])

Q("en", "Claimsight (클레임사이트)", "Seoul",
  "Health economics and outcomes research consultancy.",
  ("Access to nationwide claims data analysis for drug utilisation",
   "We need a partner who can analyse national health insurance claims to describe prescribing patterns of osteoporosis drugs and fracture outcomes.",
   "da|endocrinology,orthopedics|"),
  ("건강보험 청구자료 분석",
   "보건대학원 연구팀이 국민건강보험 청구자료를 이용해 약물 사용 양상과 임상 결과를 분석합니다. "
   "골다공증 치료제와 골절 연구 경험이 있습니다.",
   "da|endocrinology,orthopedics|"),
  [("Single-hospital EMR data",
    "We provide EMR data from one hospital.",
    "da||"),
   ("Cancer registry data",
    "We analyse regional cancer registry data.",
    "da|oncology|"),
   ("Fracture surgery outcomes",
    "Our orthopaedic team tracks hip fracture surgery outcomes.",
    "da|orthopedics|")],
  kind="university")

Q("en", "Eosinova (이오시노바)", "Seoul",
  "Biotech developing antibodies for eosinophil-driven diseases.",
  ("Phase 2 sites for eosinophilic oesophagitis",
   "We're planning a phase 2 study of an anti-eosinophil antibody in adults with eosinophilic oesophagitis. "
   "Diagnosis has to be confirmed by oesophageal biopsies with at least 15 eosinophils per high-power field, and sites must be able to repeat endoscopy with biopsies at week 16. "
   "Dysphagia symptom diaries will be collected electronically.",
   "ct|gastroenterology,allergy|bio"),
  ("호산구성 식도염 진료 및 임상",
   "소화기내과와 알레르기내과가 함께 호산구성 식도염 환자 약 180명을 진료합니다. "
   "상부위장관 내시경으로 식도 여러 부위에서 조직검사를 하여 고배율 시야당 호산구 수를 확인하며, 치료 후 추적 내시경도 정기적으로 시행합니다. "
   "삼킴곤란 설문을 이용한 연구 경험이 있습니다.",
   "ct|gastroenterology,allergy|bio"),
  [("Reflux disease drug trials",
    "Our gastroenterology unit enrols patients with erosive reflux oesophagitis into acid-blocker trials. "
    "Biopsies are not routinely taken.",
    "ct|gastroenterology|sm"),
   ("Oesophageal motility lab",
    "We run high-resolution manometry for achalasia and swallowing disorders.",
    "cv|gastroenterology|dev"),
   ("Severe eosinophilic asthma cohort",
    "Our allergy clinic follows adults with severe eosinophilic asthma treated with biologics.",
    "da|allergy,respiratory|bio")])

Q("en", "Retinabio (레티나바이오)", "Chungnam",
  "Biosimilar developer.",
  ("Phase 3 sites for an aflibercept biosimilar in wet AMD",
   "We need retina clinics for a phase 3 equivalence study of our aflibercept biosimilar in treatment-naive neovascular age-related macular degeneration.",
   ""),
  ("습성 황반변성 유리체강내 주사 임상",
   "망막 클리닉에서 신생혈관성 나이관련 황반변성 환자에게 매달 유리체강내 주사를 약 900건 시행합니다. "
   "바이오시밀러 동등성 3상 임상 2건에 참여했으며 빛간섭단층촬영 중앙 판독에 익숙합니다.",
   "ct|ophthalmology|bio"),
  [("Dry AMD supplement study",
    "We study nutritional supplements in early dry macular degeneration.",
    "ct|ophthalmology|"),
   ("Retinal vein occlusion laser trial",
    "Our retina team runs laser trials in retinal vein occlusion.",
    "ct|ophthalmology|dev"),
   ("Diabetic macular oedema AI data",
    "We hold OCT scans of diabetic macular oedema for AI training.",
    "da|ophthalmology,endocrinology|ai")])

Q("en", "Flowcyte Dx (플로우사이트디엑스)", "Gyeonggi",
  "Flow cytometry assay company.",
  ("Clinical validation of an MRD assay for childhood ALL",
   "We've built a next-generation flow cytometry panel for measurable residual disease in B-cell acute lymphoblastic leukaemia. "
   "We'd like to validate it against the reference lab method on bone marrow from children during induction and consolidation.",
   "cv|hematology,oncology,pediatrics|dx"),
  ("소아 급성림프모구백혈병 미세잔존질환 검사",
   "소아청소년 혈액종양 분과에서 급성림프모구백혈병 소아 환자를 연 70명 치료합니다. "
   "관해유도 및 공고요법 시점의 골수 검체로 유세포 분석 미세잔존질환 검사를 시행하며, 새로운 검사법과의 비교 검증 연구가 가능합니다.",
   "cv|hematology,oncology,pediatrics|dx"),
  [("Adult AML sequencing-based MRD",
    "We measure residual disease in adult acute myeloid leukaemia with next-generation sequencing.",
    "cv|hematology,oncology|dx"),
   ("Lymphoma PET response study",
    "We evaluate PET response criteria in Hodgkin lymphoma.",
    "cv|hematology,oncology|rp"),
   ("Paediatric leukaemia CAR-T programme",
    "We treat relapsed childhood leukaemia with CAR-T cells.",
    "ct|hematology,pediatrics|cell")])

Q("en", "Urosafe Materials (유로세이프머티리얼즈)", "Ulsan",
  "Materials company with an antimicrobial coating.",
  ("Co-development of an infection-resistant urinary catheter",
   "We have an antimicrobial polymer coating and want to co-develop a Foley catheter that lowers catheter-associated urinary tract infection. "
   "We need a clinical partner with infection surveillance data and urology input on design, then a pilot study on the wards.",
   "cd|urology,infectious_disease|dev"),
  ("카테터 관련 요로감염 감시 및 기기 공동개발",
   "비뇨의학과와 감염관리실이 함께 유치도뇨관 관련 요로감염 발생률을 병동별로 감시하고 있습니다. "
   "새 도뇨관 설계 자문과 병동 적용 연구를 기업과 공동으로 진행할 수 있습니다.",
   "cd|urology,infectious_disease|dev"),
  [("Central line infection surveillance",
    "Our infection control team tracks bloodstream infections from central lines in ICUs.",
    "da|infectious_disease|"),
   ("Ventilator-associated pneumonia prevention",
    "We study endotracheal tube designs that reduce ventilator pneumonia.",
    "cd|respiratory,infectious_disease|dev"),
   ("Antimicrobial coatings materials lab",
    "Our materials science lab tests antibacterial surface coatings in vitro. "
    "We have no clinical partners.",
    "cd||dev")])

Q("en", "Curvetech (커브테크)", "Busan",
  "Orthotics start-up.",
  ("Sensor brace study in adolescent idiopathic scoliosis",
   "Our brace has pressure and wear-time sensors. We want a paediatric spine clinic to test whether feedback improves brace wear in teenagers with scoliosis.",
   "cv|orthopedics,pediatrics|dev"),
  ("소아청소년 척추측만증 보조기 클리닉",
   "정형외과 소아 척추 클리닉에서 특발성 척추측만증 청소년 약 600명에게 보조기 치료를 하고 있습니다. "
   "보조기 착용 시간 기록과 방사선 콥각 추적을 하고 있습니다.",
   "cv|orthopedics,pediatrics|dev"),
  [("Adult degenerative spine surgery",
    "Our spine surgeons operate on adults with degenerative scoliosis.",
    "ct|orthopedics|dev"),
   ("Children's flat foot insoles",
    "We test custom insoles for flexible flat foot in children.",
    "cv|orthopedics,pediatrics|dev"),
   ("Posture app for office workers",
    "We study a posture-correction app for adults with neck pain.",
    "cv|orthopedics|dh")])

Q("en", "Histaway (히스타웨이)", "Seoul",
  "Allergy biologics company.",
  ("Chronic spontaneous urticaria trial",
   "Looking for sites for a phase 2 trial in chronic spontaneous urticaria not controlled by antihistamines. Sites should use the weekly urticaria activity score.",
   "ct|allergy,dermatology|bio"),
  ("만성 두드러기 클리닉",
   "알레르기내과에서 항히스타민제로 조절되지 않는 만성 자발성 두드러기 환자 약 400명을 진료합니다. "
   "두드러기 활성도 점수 일지를 사용하며 오말리주맙 치료 경험이 많습니다.",
   "ct|allergy,dermatology|bio"),
  [("Adult atopic dermatitis biologic trial",
    "Our dermatology department runs trials of biologics in adults with eczema.",
    "ct|dermatology,allergy|bio"),
   ("Hereditary angioedema registry",
    "We keep a registry of hereditary angioedema patients.",
    "da|allergy,rare_disease|")])

Q("en", "Spermio AI (스퍼미오에이아이)", "Incheon",
  "AI for reproductive labs.",
  ("Semen analysis AI validation",
   "Our smartphone microscope with AI measures sperm concentration and motility. We need a male infertility clinic to compare it with standard lab semen analysis.",
   "cv|reproductive_medicine,urology|ai"),
  ("남성 난임 클리닉 정액검사",
   "비뇨의학과 남성 난임 클리닉에서 연간 정액검사 3,000건을 세계보건기구 기준에 따라 시행합니다. "
   "컴퓨터 보조 정자 분석 장비와 비교하는 연구 경험이 있습니다.",
   "cv|reproductive_medicine,urology|ai"),
  [("Embryo time-lapse imaging data",
    "Our fertility centre holds time-lapse images of embryos.",
    "da|reproductive_medicine|ai"),
   ("Sperm bank storage",
    "We provide sperm freezing and storage services.",
    "fu|reproductive_medicine|"),
   ("Female infertility hormone study",
    "We study hormone profiles in women with unexplained infertility.",
    "ct|reproductive_medicine,endocrinology|")])

Q("en", "Mucoguard (뮤코가드)", "Jeju",
  "Supportive-care drug developer.",
  ("Oral mucositis trial in head and neck radiotherapy",
   "We need radiation oncology sites for a phase 2 trial of a mouth rinse to prevent severe oral mucositis during chemoradiotherapy for head and neck cancer.",
   "ct|oncology,dentistry|sm"),
  ("두경부암 항암방사선치료 환자 구강점막염 연구",
   "방사선종양학과에서 두경부암 환자 연 200명에게 동시 항암방사선치료를 시행합니다. "
   "치과와 협진하여 구강점막염 등급을 매주 평가합니다.",
   "ct|oncology,dentistry|sm"),
  [("Chemotherapy nausea trial",
    "We run antiemetic trials in breast cancer chemotherapy.",
    "ct|oncology|sm"),
   ("Head and neck cancer surgery",
    "Our surgeons perform transoral robotic surgery for throat cancer.",
    "ct|oncology,otolaryngology|dev"),
   ("Dry mouth saliva substitute study",
    "We test saliva substitutes in Sjogren's syndrome.",
    "ct|rheumatology,dentistry|")])

Q("en", "Painless Bio (페인리스바이오)", "Gyeonggi",
  "Non-opioid pain drug developer.",
  ("Painful diabetic neuropathy phase 2",
   "We want sites for a phase 2 trial of an oral sodium-channel blocker for painful diabetic peripheral neuropathy.",
   ""),
  ("당뇨병성 말초신경병증 통증 임상",
   "내분비내과와 신경과가 당뇨병성 말초신경병증 통증 환자를 함께 진료하며 신경전도검사와 통증 척도 평가를 시행합니다. "
   "신경병증 통증 치료제 임상 3건에 참여했습니다.",
   "ct|neurology,endocrinology|sm"),
  [("Postoperative pain trial",
    "Our anaesthesia department runs trials of post-surgical pain drugs.",
    "ct||sm"),
   ("Fibromyalgia study",
    "We study fibromyalgia treatments in rheumatology clinic.",
    "ct|rheumatology|sm"),
   ("Chemotherapy neuropathy study",
    "We study nerve damage caused by chemotherapy.",
    "ct|oncology,neurology|")])

Q("en", "Regencell Partners (리젠셀파트너스)", "Seoul",
  "Cell therapy start-up planning a first clinical study in Korea.",
  ("Regulatory support for advanced regenerative medicine clinical research in Korea",
   "We're a cell therapy start-up and want to run our first clinical study in Korea under the advanced regenerative bio act. "
   "We need help with the submission to the regenerative medicine review committee and the MFDS approval process. "
   "A hospital that has already done such applications would be ideal.",
   "rg|orthopedics|cell"),
  ("첨단재생의료 임상연구 인허가 지원",
   "병원 첨단재생의료센터에서 첨단재생바이오법에 따른 임상연구 계획 심의 신청과 식약처 승인 절차를 지원합니다. "
   "세포치료 임상연구 5건을 승인받았으며 외부 기업과 공동 신청도 가능합니다.",
   "rg||cell"),
  [("FDA IND consulting",
    "We help companies file investigational new drug applications with the US FDA.",
    "rg||"),
   ("EU MDR consulting",
    "We advise on EU medical device regulation.",
    "rg||dev"),
   ("Cell therapy GMP manufacturing",
    "We manufacture cell therapies for clinical trials.",
    "fu||cell")])

# ===========================================================================
# General distractor capabilities. Each was checked by hand against all 60
# needs: none of them fully meets any need, in either language.
# ===========================================================================
GENERAL = [
    # former near misses, kept as general distractors
    ("ko", "투명 교정장치 임상",
     "교정과에서 투명 교정장치의 치아 이동 효율 임상을 수행합니다. "
     "성인 환자 위주입니다.",
     "ct|dentistry|dev"),
    ("ko", "소아 보행 장애 평가",
     "뇌성마비 소아의 보행 분석과 보조기 평가를 수행합니다.",
     "cv|pediatrics,orthopedics|dev"),
    ("ko", "자궁경부암 로봇수술",
     "초기 자궁경부암 환자에게 로봇 광범위 자궁절제술을 시행합니다.",
     "ct|oncology,reproductive_medicine|dev"),
    ("en", "Acne scar laser studies",
     "We evaluate fractional lasers for acne scarring.",
     "cv|dermatology|dev"),
    ("en", "Hearing aid fitting study",
     "Our audiology team compares hearing aid fitting methods.",
     "cv|otolaryngology|dev"),
    ("en", "Drug allergy skin testing",
     "We run skin tests for penicillin allergy.",
     "cv|allergy|dx"),
    ("ko", "갑상선암 수술 후 음성 재활 연구",
     "갑상선암 수술 후 목소리 변화가 생긴 환자를 대상으로 음성 재활 프로그램의 효과를 연구합니다. "
     "음향 분석 장비와 후두 내시경을 갖추고 있습니다.", "ct|otolaryngology,oncology|"),
    ("ko", "소아 비만 생활습관 중재 프로그램",
     "초등학생 비만 아동과 보호자를 대상으로 식사·운동 상담을 12주간 제공하는 프로그램을 운영합니다. "
     "체성분 분석과 혈액검사를 시작과 끝에 시행합니다.", "ct|pediatrics,endocrinology|"),
    ("ko", "치과 임플란트 표면 처리 동물실험",
     "치의학연구소에서 임플란트 표면 처리 기술의 골유착을 비글견 하악골 모델로 평가합니다. "
     "조직 표본 제작과 마이크로CT 분석을 지원합니다.", "fu|dentistry|dev"),
    ("ko", "여드름 광역동치료 임상",
     "피부과에서 중등도 여드름 환자에게 광역동치료를 시행하는 임상연구를 수행합니다. "
     "병변 수 계측과 표준화 얼굴 촬영 장비가 있습니다.", "ct|dermatology|dev"),
    ("ko", "뇌졸중 후 삼킴장애 전기자극 치료 연구",
     "재활의학과에서 뇌졸중 후 삼킴장애 환자에게 신경근 전기자극 치료를 적용하는 연구를 진행합니다. "
     "비디오 투시 연하검사를 주 10건 시행합니다.", "ct|neurology|dev"),
    ("ko", "경도인지장애 인지훈련 앱 연구",
     "신경과 기억력 클리닉에서 경도인지장애 노인 대상 태블릿 인지훈련 프로그램의 효과를 평가합니다. "
     "신경심리검사를 6개월마다 시행합니다.", "ct|neurology,geriatrics|dh"),
    ("ko", "비결핵항산균 폐질환 코호트",
     "호흡기내과에서 비결핵항산균 폐질환 환자 600명을 추적하며 객담 배양 결과와 흉부 CT를 보관합니다. "
     "연구 목적의 자료 제공은 심의를 거쳐 가능합니다.", "da|respiratory,infectious_disease|"),
    ("ko", "간이식 후 면역억제제 농도 모니터링",
     "간이식 수술 후 환자의 타크로리무스 혈중 농도와 간기능을 장기 추적합니다. "
     "연간 간이식 수술 120건을 시행합니다.", "da|gastroenterology|sm"),
    ("ko", "수술 가이드 3D 프린팅 시설",
     "의료용 3D 프린팅 센터에서 CT 영상을 기반으로 정형외과·치과 수술 가이드와 해부 모형을 제작합니다. "
     "외부 기업의 장비 이용과 시제품 제작이 가능합니다.", "fu|orthopedics,dentistry|dev"),
    ("ko", "유전체 분석 코어 시설",
     "의생명연구원 유전체 코어에서 차세대염기서열분석 장비를 보유하고 시퀀싱 서비스를 제공합니다. "
     "환자 검체나 임상 정보는 제공하지 않습니다.", "fu||dx"),
    ("ko", "의료기기 전기·기계적 안전 시험",
     "의공학 시험실에서 의료기기의 전기·기계적 안전성과 전자파 적합성 예비 시험을 수행합니다. "
     "공인 시험성적서 발급 기관은 아닙니다.", "fu,rg||dev"),
    ("ko", "연구자 임상시험 통계 자문",
     "의학통계실에서 연구자 주도 임상시험의 표본 수 산정, 무작위 배정, 통계 분석 계획 수립을 자문합니다. "
     "기업 의뢰 과제는 별도 계약이 필요합니다.", "mt||"),
    ("ko", "전립선암 능동감시 코호트",
     "저위험 전립선암 환자의 능동감시 코호트를 운영하며 PSA와 MRI, 반복 조직검사 결과를 기록합니다. "
     "수술이나 약물 임상은 포함하지 않습니다.", "da|urology,oncology|"),
    ("ko", "헬리코박터 제균 치료 임상",
     "소화기내과에서 헬리코박터 파일로리 감염 환자 대상 제균 요법 비교 임상을 수행합니다. "
     "요소호기검사를 원내에서 시행합니다.", "ct|gastroenterology,infectious_disease|sm"),
    ("ko", "급성 췌장염 수액 치료 연구",
     "급성 췌장염으로 입원한 환자의 수액 치료 전략을 비교하는 연구를 진행합니다. "
     "연간 입원 환자는 약 250명입니다.", "ct|gastroenterology|"),
    ("ko", "복막투석 환자 원격관리",
     "복막투석 환자가 집에서 입력한 투석 기록을 간호사가 원격으로 확인하는 시스템을 운영합니다. "
     "복막투석 환자 180명이 등록되어 있습니다.", "cv|nephrology|dh"),
    ("ko", "비만대사수술 장기 추적 코호트",
     "고도비만 환자의 위소매절제술과 위우회술 후 체중과 당뇨병 관해 여부를 10년간 추적합니다. "
     "수술 전후 혈액 검체도 보관합니다.", "da|endocrinology,gastroenterology|"),
    ("ko", "음성장애 AI 분석 연구",
     "후두 질환 환자의 음성 녹음 자료를 이용해 음성장애를 분류하는 AI를 연구합니다. "
     "녹음 자료 약 5천 건을 보유하고 있습니다.", "da|otolaryngology|ai"),
    ("ko", "노인 다약제 복용 조정 약사 중재",
     "노년내과와 약제부가 함께 10개 이상의 약을 복용하는 노인 환자의 처방을 검토하고 조정하는 중재 연구를 수행합니다. "
     "입원 환자를 대상으로 합니다.", "ct|geriatrics|"),
    ("ko", "소아 근시 진행 억제 렌즈 임상",
     "소아 안과에서 근시 아동에게 근시 진행 억제 안경렌즈와 드림렌즈를 적용하는 임상을 수행합니다. "
     "안축장 측정 장비를 보유하고 있습니다.", "ct|ophthalmology,pediatrics|dev"),
    ("ko", "심방세동 냉동풍선 절제술",
     "부정맥센터에서 발작성 심방세동 환자에게 냉동풍선 폐정맥 격리술을 연 400건 시행합니다. "
     "절제 카테터 관련 임상 참여가 가능합니다.", "ct|cardiology|dev"),
    ("ko", "의약품 품질관리 분석 시험실",
     "약학대학 분석센터에서 의약품 안정성 시험과 불순물 분석을 위탁 수행합니다. "
     "GMP 적합 판정을 받은 시험실입니다.", "fu||sm"),
    ("ko", "척추관협착증 내시경 수술 연구",
     "신경외과에서 요추 척추관협착증 환자에게 양방향 내시경 감압술을 시행하고 결과를 분석합니다. "
     "수술 기구 평가 연구에 참여할 수 있습니다.", "ct|orthopedics|dev"),
    ("ko", "임신중독증 예측 혈액 검체",
     "산과에서 임신 초기 산모 혈액을 보관하고 전자간증 발생 여부를 추적합니다. "
     "검체는 인체자원은행을 통해 분양합니다.", "da|reproductive_medicine|dx"),
    ("en", "Melanoma sentinel lymph node research",
     "Our surgical oncology team performs sentinel lymph node biopsy for acral melanoma and studies new tracer injection techniques. "
     "About 60 melanoma operations are done each year.", "ct|oncology,dermatology|"),
    ("en", "Intravenous iron in pregnancy",
     "Our obstetrics department runs trials of intravenous iron for iron-deficiency anaemia in the third trimester. "
     "Haemoglobin and ferritin are measured at each antenatal visit.", "ct|hematology,reproductive_medicine|sm"),
    ("en", "Overactive bladder injection studies",
     "Our functional urology clinic treats refractory overactive bladder with botulinum toxin injections and urodynamic testing. "
     "We have recruited for two device and drug studies.", "ct|urology|bio"),
    ("en", "Irritable bowel syndrome diet study",
     "Our dietitians and gastroenterologists study a low-fermentable-carbohydrate diet for irritable bowel syndrome. "
     "Symptom diaries are collected on paper.", "ct|gastroenterology|"),
    ("en", "Graves orbitopathy MRI follow-up",
     "Our oculoplastic service follows about 300 patients with thyroid eye disease using orbital MRI and clinical activity scores. "
     "Imaging can be shared for research after review.", "da|ophthalmology,endocrinology|"),
    ("en", "Gout urate-lowering trials",
     "Our rheumatology clinic enrols patients with frequent gout flares into trials of urate-lowering drugs. "
     "Dual-energy CT is available for urate deposits.", "ct|rheumatology|sm"),
    ("en", "Multiple sclerosis MRI registry",
     "We keep a registry of 400 patients with multiple sclerosis and neuromyelitis optica with yearly brain MRI. "
     "Disability scores are recorded by neurologists.", "da|neurology|"),
    ("en", "Pulmonary hypertension catheter lab",
     "Our pulmonary hypertension team performs right-heart catheterisation and six-minute walk tests. "
     "We have joined trials of inhaled and oral vasodilators.", "ct|cardiology,respiratory|sm"),
    ("en", "Bronchiectasis sputum bank",
     "We store sputum from adults with bronchiectasis along with exacerbation history. "
     "Samples are available to academic and industry researchers.", "da|respiratory|"),
    ("en", "Investigational drug pharmacy",
     "Our hospital pharmacy stores, dispenses and compounds investigational medicines for sponsored studies, including blinded preparations. "
     "Temperature logging is continuous.", "fu||sm"),
    ("en", "Data management for investigator-initiated trials",
     "Our clinical research support office provides electronic case report forms, monitoring and data management for investigator-initiated trials. "
     "Industry-sponsored studies are handled by a separate office.", "mt||"),
    ("en", "Metabolomics mass spectrometry core",
     "The university core facility runs targeted and untargeted metabolomics on plasma and urine by liquid chromatography mass spectrometry. "
     "External users are charged per sample.", "fu||dx"),
    ("en", "Surgical instrument usability lab",
     "Our simulation centre tests the usability of laparoscopic instruments with practising surgeons on box trainers and cadavers. "
     "Patients and lay users are not involved.", "cv||dev"),
    ("en", "Keratoconus corneal cross-linking",
     "Our cornea clinic treats progressive keratoconus with corneal cross-linking and records topography every six months. "
     "We are open to device studies.", "ct|ophthalmology|dev"),
    ("en", "Cleft lip and palate surgery centre",
     "Our craniofacial team repairs about 80 cleft lips and palates a year and follows speech development. "
     "3D facial photographs are taken before and after surgery.", "ct|pediatrics,dentistry|"),
    ("en", "Postoperative delirium prevention in older adults",
     "Our anaesthesia and geriatrics teams study ways to prevent delirium after major surgery in patients over 70. "
     "Delirium is screened twice a day by nurses.", "ct|geriatrics|"),
    ("en", "Focused ultrasound for essential tremor",
     "We treat essential tremor with MR-guided focused ultrasound thalamotomy. "
     "Tremor rating scales are recorded before and after.", "ct|neurology|dev"),
    ("en", "Congenital heart surgery outcomes",
     "Our paediatric cardiac surgeons operate on about 250 children with congenital heart disease each year. "
     "We keep an outcomes database with echocardiography follow-up.", "da|cardiology,pediatrics|"),
    ("en", "Endometrial cancer immunotherapy trials",
     "Our gynaecologic oncology unit enrols patients with advanced endometrial cancer in checkpoint inhibitor trials. "
     "Mismatch repair status is tested on all tumours.", "ct|oncology,reproductive_medicine|bio"),
    ("en", "MRI-fusion prostate biopsy",
     "Our urology department performs MRI-ultrasound fusion prostate biopsy and can evaluate biopsy navigation devices. "
     "About 700 biopsies are done each year.", "cv|urology,oncology|dev"),
    ("en", "Biliary stent ERCP studies",
     "Our endoscopy unit places biliary stents by ERCP for bile duct obstruction and compares stent designs. "
     "Around 1,000 procedures are done a year.", "ct|gastroenterology|dev"),
    ("en", "Contact dermatitis patch testing",
     "Our dermatology allergy clinic performs patch testing for occupational contact dermatitis. "
     "We can test new patch test allergen series.", "cv|dermatology,allergy|dx"),
    ("en", "Orthodontic intraoral scanning",
     "Our dental school evaluates intraoral scanners and 3D-printed orthodontic models for accuracy. "
     "Scans are done on students and volunteers.", "cv|dentistry|dev"),
    ("en", "Adult travel vaccine clinic",
     "Our travel clinic vaccinates adults against typhoid, hepatitis A and yellow fever before trips abroad. "
     "We can host post-marketing safety studies of travel vaccines.", "ct|infectious_disease|vac"),
]

# ===========================================================================
# Extra detail sentences for the shorter distractor texts (appended by title).
# They add listing-specific detail, so that distractors are not
# systematically shorter than the gold answers.
# ===========================================================================
EXTRA = {
    "Ovarian cancer surgery device evaluation": "About 180 cytoreductive operations are performed each year, most by laparotomy.",
    "Ovarian cancer ascites biobank": "More than 900 patients have donated samples since 2015.",
    "Snoring surgery outcomes study": "Outcomes are measured with partner-reported snoring scales before and six months after surgery.",
    "Sleep apnoea CPAP adherence data": "Usage hours, mask leak and residual events are logged nightly by the machines.",
    "Robotic knee replacement studies": "Our joint centre performs about 1,200 knee replacements a year in patients with end-stage arthritis.",
    "Rotator cuff repair biologics": "Healing is checked with MRI at one year after arthroscopic repair.",
    "Cartilage tissue engineering lab": "Histology and mechanical testing of the repaired tissue are done in-house.",
    "Hepatitis C treatment outcomes registry": "Sustained virological response and liver stiffness are recorded for about 1,300 patients.",
    "Liver fibrosis elastography studies": "Biopsy results are available as the reference for about 400 patients.",
    "siRNA delivery chemistry": "Our work is mainly in liver and muscle targeting in mice.",
    "Hepatitis B vaccine non-responder study": "Participants receive booster schedules and antibody levels are measured after each dose.",
    "Adult ICU wearable monitoring": "The unit has 30 beds and mostly treats patients with respiratory failure and sepsis.",
    "Childhood fever app study": "Parents of children aged one to six are recruited at discharge from the emergency room.",
    "Radar sensor engineering lab": "The lab builds prototypes and tests them on healthy adult volunteers.",
    "Vitiligo phototherapy trials": "Repigmentation is measured with standardised photographs under ultraviolet light.",
    "Post-surgical scar silicone gel": "Scar appearance is rated by blinded observers at three and six months.",
    "IgA nephropathy biopsy registry": "The registry includes about 800 adults with proteinuria and kidney function follow-up.",
    "Rheumatoid arthritis serum bank": "Samples are taken at diagnosis and after the first year of treatment.",
    "Lupus skin disease trials": "Skin activity is scored by dermatologists at every visit.",
    "Adult type 2 diabetes CGM study": "Participants are mostly on oral drugs or basal insulin.",
    "Gestational diabetes app": "Women are enrolled at 24 to 28 weeks of pregnancy after a glucose tolerance test.",
    "Islet transplantation programme": "Islets are isolated from deceased-donor pancreases in our own laboratory.",
    "Hypertension app trial": "Home blood pressure readings are uploaded by Bluetooth cuffs.",
    "Exercise-based rehab after heart attack": "Patients attend supervised sessions twice a week for twelve weeks.",
    "Heart failure drug phase 3": "Our heart failure clinic follows about 900 outpatients.",
    "Coronary stent trials": "The lab performs about 2,000 coronary interventions a year.",
    "Varicose vein treatment": "About 500 legs are treated each year under local anaesthesia.",
    "Carotid stenting registry": "Each patient has duplex ultrasound at six and twelve months.",
    "Vertigo rehabilitation": "Video head impulse tests and posturography are available.",
    "Tinnitus brain imaging lab": "Volunteers are recruited through advertisements rather than clinics.",
    "Adult cancer genome data": "Data cover lung, breast and stomach cancers from about 3,000 patients.",
    "Newborn metabolic screening": "The lab screens about 40,000 newborns a year for inborn errors of metabolism.",
    "Rare disease patient registry (adults)": "Respiratory function and walking ability are recorded every year.",
    "Malaria blood samples": "Most cases are falciparum malaria acquired in Africa or Southeast Asia.",
    "Influenza rapid test evaluation": "Swabs are compared with laboratory PCR results, for our own purchasing decisions rather than regulatory submissions.",
    "Tick-borne virus research lab": "Field collection of ticks is done every summer in rural areas.",
    "Cell therapy GMP cleanrooms": "They are fully booked by our own autologous programmes for the next two years.",
    "Antibody contract manufacturing": "Batch sizes range from 50 to 500 litres.",
    "Vaccine immunology lab": "Neutralisation assays are done for influenza and coronavirus.",
    "Lipid nanoparticle formulation research lab": "Particle size and encapsulation efficiency are measured on site.",
    "Annotated colonoscopy recordings": "About 6,000 procedures are included, with polyp location and size marked by endoscopists.",
    "Gastric cancer pathology slides": "About 2,000 biopsies are scanned with matching diagnoses.",
    "Colorectal cancer CT data": "About 1,500 scans are available with surgical staging.",
    "Colorectal cancer tissue microarrays": "Each block holds cores from about 100 tumours.",
    "Digital health venture fund": "Typical tickets are one to three billion won.",
    "Regulatory consulting for software devices": "We mainly support filings in the United States and Europe.",
    "Remote monitoring clinical trial": "Patients wear a chest patch for 30 days after cardiac surgery.",
    "Thyroid radioiodine ward": "The ward has four shielded rooms and treats about 600 patients a year.",
    "Neuroendocrine tumour surgery": "Laparoscopic and robotic approaches are both used.",
    "Routine FDG radiopharmacy": "Doses are delivered to three hospitals in the region every morning.",
    "Adolescent depression trial": "Participants are aged 12 to 18 and recruited from school referrals.",
    "Postpartum haemorrhage device": "The hospital delivers about 3,000 babies a year.",
    "Perinatal anxiety registry": "Questionnaires are collected in each trimester.",
    "Stroke rehabilitation robot": "Patients start training within four weeks of a stroke.",
    "Spinal fusion implant study": "Fusion is checked with CT at one year.",
    "Deep brain stimulation for Parkinson's": "About 40 patients are implanted each year.",
    "Single-hospital EMR data": "Records cover outpatient and inpatient visits since 2012.",
    "Cancer registry data": "Incidence and survival are available by region.",
    "Fracture surgery outcomes": "Mortality and walking ability are recorded one year after surgery.",
    "Oesophageal motility lab": "About 700 studies are performed a year.",
    "Severe eosinophilic asthma cohort": "Blood eosinophil counts and lung function are recorded every three months.",
    "Dry AMD supplement study": "Fundus photographs are graded by a reading centre.",
    "Retinal vein occlusion laser trial": "Visual acuity is measured on standard charts.",
    "Diabetic macular oedema AI data": "About 12,000 scans are labelled with central retinal thickness.",
    "Adult AML sequencing-based MRD": "Bone marrow is tested after each chemotherapy cycle.",
    "Lymphoma PET response study": "Scans are read with the five-point visual scale.",
    "Paediatric leukaemia CAR-T programme": "About ten children are treated each year.",
    "Central line infection surveillance": "Rates are reported monthly to the national surveillance system.",
    "Ventilator-associated pneumonia prevention": "Studies take place in a 24-bed surgical ICU.",
    "Antimicrobial coatings materials lab": "Test organisms include E. coli and Staphylococcus aureus.",
    "Adult degenerative spine surgery": "Most patients are over 65 and have spinal stenosis.",
    "Children's flat foot insoles": "Foot pressure is measured with a pressure plate.",
    "Posture app for office workers": "Participants are recruited from local companies.",
    "Adult atopic dermatitis biologic trial": "Disease severity is scored with standard eczema indices.",
    "Hereditary angioedema registry": "About 60 families are followed.",
    "Embryo time-lapse imaging data": "About 8,000 embryos are annotated with implantation outcome.",
    "Sperm bank storage": "Samples are stored in liquid nitrogen for up to ten years.",
    "Female infertility hormone study": "Blood is drawn on day three of the menstrual cycle.",
    "Chemotherapy nausea trial": "Nausea is recorded in daily diaries for five days after each cycle.",
    "Head and neck cancer surgery": "About 150 operations are done each year.",
    "Dry mouth saliva substitute study": "Saliva flow is measured with standard sialometry.",
    "Postoperative pain trial": "Most studies involve knee and hip surgery.",
    "Fibromyalgia study": "Pain and sleep questionnaires are used as outcomes.",
    "Chemotherapy neuropathy study": "Patients mostly receive oxaliplatin or taxanes.",
    "FDA IND consulting": "Our staff include former reviewers from the US.",
    "EU MDR consulting": "We work with notified bodies in Germany and the Netherlands.",
    "Cell therapy GMP manufacturing": "Only autologous products are made.",
    "Acne scar laser studies": "Scars are graded from 3D photographs.",
    "Hearing aid fitting study": "Speech-in-noise tests are used as outcomes.",
    "Drug allergy skin testing": "About 500 patients are tested a year.",
    "간암 정위적 방사선치료 임상연구": "치료 전후 MRI로 국소 반응을 평가합니다.",
    "폐결절 CT 영상 데이터 제공": "판독의 2인이 결절 위치와 크기를 표시했습니다.",
    "간암 조기진단 혈액 바이오마커 검체": "검체는 6개월 간격으로 채취되었습니다.",
    "간암 약물방출 미세구 색전술 기기 임상": "연간 색전술 시술은 약 300건입니다.",
    "대장내시경 용종 검출 AI 검증": "내시경 영상은 모두 녹화되어 보관됩니다.",
    "위암 로봇수술 임상시험": "연간 위암 수술은 약 700건입니다.",
    "위 내시경 영상 판독 교육 프로그램": "교육은 연 2회 열리며 내과 전공의 40명이 참여합니다.",
    "궤양성대장염 JAK 억제제 임상": "궤양성대장염 환자 약 600명을 추적하고 있습니다.",
    "소아 크론병 영양요법 연구": "성장 지표를 3개월마다 측정합니다.",
    "류마티스관절염 항체 치료제 임상": "류마티스관절염 외래 환자는 약 2,000명입니다.",
    "성인 COPD 흡입기 순응도 연구": "폐기능 검사를 방문 때마다 시행합니다.",
    "소아 아토피피부염 보습제 임상": "보호자 설문과 피부 중증도 점수를 함께 평가합니다.",
    "중증 천식 생물학적제제 임상": "중증 천식 클리닉에 약 250명이 등록되어 있습니다.",
    "림프종 CAR-T 치료 센터": "연간 약 30명이 CAR-T 치료를 받습니다.",
    "다발골수종 자가조혈모세포이식 관찰 연구": "이식 후 재발 시점과 생존 자료가 기록되어 있습니다.",
    "고형암 이중항체 1상 병동": "1상 병상 10개를 운영합니다.",
    "건성안 점안제 임상시험": "연간 건성안 임상 3~4건을 수행합니다.",
    "다초점 인공수정체 삽입 임상": "수술 후 1년간 시력과 눈부심을 평가합니다.",
    "녹내장 OCT 영상 AI 데이터": "시야검사 결과가 함께 연결되어 있습니다.",
    "무릎 골관절염 주사제 임상": "통증 점수와 보행 기능을 6개월간 추적합니다.",
    "골다공증 X-ray AI 선별 소프트웨어 검증": "영상은 건강검진센터에서 수집되었습니다.",
    "남성 골다공증 코호트": "참여자는 약 1,800명입니다.",
    "혈액투석 혈관통로 임상": "혈관 초음파를 3개월마다 시행합니다.",
    "신장이식 거부반응 연구": "연간 신장이식 수술은 약 90건입니다.",
    "당뇨병 환자 소변 검체 은행": "검체는 약 3,000명에게서 채취되었습니다.",
    "만성콩팥병 식이 관리 앱 연구": "영양사가 앱 기록을 주 1회 확인합니다.",
    "중환자실 인공호흡기 이탈 예측 데이터": "약 4,000건의 인공호흡 기록이 포함됩니다.",
    "지역사회획득 폐렴 항생제 임상": "연간 폐렴 입원 환자는 약 800명입니다.",
    "패혈증 신속 진단키트 검체": "약 1,200개의 균주가 보관되어 있습니다.",
    "소아 응급실 패혈증 프로토콜 연구": "연간 소아 응급실 방문은 약 3만 건입니다.",
    "인공심장판막 동물실험": "수술 후 최대 6개월까지 관찰합니다.",
    "ECMO 환자 재활 연구": "퇴원 후 1년까지 6분 보행 검사를 시행합니다.",
    "투석기 혈액회로 성능 평가": "소 혈액을 이용한 순환 시험이 가능합니다.",
    "우울증 디지털 치료기기 임상": "우울 척도를 2주마다 평가합니다.",
    "양극성 장애 유전체 코호트": "기분 삽화 기록이 10년 이상 축적되어 있습니다.",
    "만성 조현병 장기 입원 병동 연구": "병동은 120병상 규모입니다.",
    "뒤센근이영양증 세포치료 연구": "6분 보행 검사로 운동 기능을 평가합니다.",
    "루게릭병 호흡 관리 코호트": "환자 약 200명이 등록되어 있습니다.",
    "신생아 선별검사 유전자 패널": "연간 약 2만 명의 신생아 검체를 분석합니다.",
    "성인 인플루엔자 백신 임상": "혈구응집억제 항체 검사를 원내에서 시행합니다.",
    "수족구병 신속진단 키트 검체": "여름철마다 약 300건의 검체가 모입니다.",
    "소아 RSV 항체 예방요법 연구": "신생아중환자실 퇴원 후 외래에서 추적합니다. 입원율을 주요 결과로 봅니다.",
    "전립선비대증 레이저 수술 임상": "배뇨 증상 점수와 요속 검사를 평가합니다.",
    "요로결석 재발 예방 식이 앱 연구": "24시간 소변 검사를 6개월마다 시행합니다.",
    "신장암 로봇 부분절제술": "수술 후 신기능 변화를 추적합니다.",
    "알레르기 비염 설하면역요법 임상": "증상 점수와 약물 사용량을 일지로 기록합니다.",
    "소아 중이염 환기관 연구": "연간 환기관 삽입술은 약 400건입니다. 청력검사를 수술 전후에 시행합니다.",
    "부비동 CT AI 판독 소프트웨어 검증": "부비동 CT 약 6천 건을 보유합니다.",
    "구강암 조기진단 연구": "연간 구강암 수술은 약 80건입니다. 검체는 연구용으로 분양할 수 있습니다.",
    "치주염 치료제 국소 투여 임상": "치주낭 깊이 변화를 3개월간 추적했습니다.",
    "욕창 관리 드레싱 연구": "요양병동 80병상에서 연구가 진행됩니다. 욕창 단계와 면적을 주 1회 기록합니다.",
    "당뇨망막병증 레이저 치료 임상": "안저 촬영과 빛간섭단층촬영을 정기적으로 시행합니다. 연간 레이저 시술은 약 500건입니다.",
    "화상 창상 줄기세포 시트": "화상전문병동 20병상을 운영합니다.",
    "전립선암 PSMA 방사성리간드 치료": "연간 약 40명이 치료를 받습니다. PSMA PET 영상도 시행합니다.",
    "유방암 MRI AI 판독 검증": "조직검사 결과가 함께 연결되어 있습니다. 영상은 3개 병원에서 수집되었습니다.",
    "유방암 표적항암제 2상": "연간 유방암 신환은 약 1,000명입니다.",
    "유방암 FDG PET 병기 영상 데이터": "영상마다 병기와 재발 여부가 기록되어 있습니다.",
    "FDA 510(k) 의료기기 인허가 컨설팅": "미국 현지 대리인 서비스도 연결해 드립니다.",
    "의료기기 GMP 심사 대응 교육": "교육은 분기마다 열리며 이틀 과정입니다. 수료증을 발급합니다.",
    "호흡기 바이러스 검체 은행": "검체는 약 5,000건입니다.",
    "마우스 이종이식 종양 모델": "폐암, 대장암, 위암 모델 약 150종을 보유합니다. 영장류 시설은 없습니다.",
    "비글견 반복투여 독성시험": "4주 및 13주 시험이 가능합니다. 임상병리와 병리 평가를 포함합니다.",
    "항체 약동학 분석법 개발": "분석법 밸리데이션 보고서를 제공합니다.",
    "류마티스관절염 초음파 연구": "초음파 전문의 3명이 평가합니다. 연간 약 300명이 참여합니다.",
    "판상 건선 광선치료 임상": "중증도 점수와 사진 촬영을 표준화했습니다.",
    "강직성 척추염 생물학적제제 임상": "척추 MRI와 질병 활성도 점수를 평가합니다. 환자 약 500명을 추적합니다.",
    "난임 시험관 시술 앱 연구": "연간 시험관 시술은 약 1,500주기입니다. 앱 사용 만족도를 평가합니다.",
    "다낭성난소증후군 코호트": "혈당과 체중, 호르몬 수치를 매년 측정합니다. 약 400명이 참여합니다.",
    "자궁근종 고강도 초음파 치료": "치료 후 MRI로 근종 부피를 평가합니다.",
    "파킨슨병 보행 분석": "3차원 동작분석 장비와 압력판을 갖추고 있습니다. 연간 약 200명이 검사를 받습니다.",
    "고령자 근감소증 운동 앱 연구": "악력과 보행 속도를 3개월마다 측정합니다.",
    "혈우병 예방요법 앱": "약 150명이 앱을 사용합니다. 출혈 기록을 의료진이 확인합니다.",
    "겸상적혈구 빈혈 유전자편집 연구": "세포주와 마우스 모델을 사용합니다.",
    "폰빌레브란트병 진단 검사": "응고인자 검사를 주 3회 시행합니다. 외부 의뢰 검체도 받습니다.",
    "혈우병 B 유전자치료 전임상 마우스 모델": "응고인자 활성 측정이 가능합니다.",
    "뇌전증 약물 레지스트리": "환자 약 2,500명이 등록되어 있습니다. 뇌파 결과도 연결되어 있습니다.",
    "긴장형 두통 도수치료 연구": "통증 척도와 목 관절 가동 범위를 평가합니다. 참여자는 직장인이 대부분입니다.",
    "편두통 신경조절 기기 임상": "두통 일지를 종이로 기록합니다. 연간 약 60명이 참여합니다.",
    "폐암 면역항암제 임상": "연간 폐암 신환은 약 900명입니다. 조직 검체를 함께 보관합니다.",
    "폐결절 CT AI 검출 검증": "판독의 3명의 합의 판독을 기준으로 합니다. 영상 약 3천 건을 사용할 수 있습니다.",
    "기관지 내시경 항법 시스템 임상": "연간 약 250건의 시술을 시행합니다.",
    "HPV 백신 면역원성 연구": "대상은 9~14세 청소년입니다. 접종 후 1개월과 6개월에 채혈합니다.",
    "자궁경부 세포검사 AI": "슬라이드 약 1만 장이 디지털화되어 있습니다. 세포병리사가 판독 결과를 확인했습니다.",
    "항진균제 후보물질 기술이전": "마우스 감염 모델 효능 자료가 있습니다. 국내 특허가 등록되어 있습니다.",
    "항바이러스 항체 기술이전": "인간화 항체 서열과 세포주를 함께 이전할 수 있습니다. 전임상 효능 자료를 제공합니다.",
    "그람양성균 박테리오파지 치료 연구": "파지 약 200종을 보유하고 있습니다.",
    "ADHD 아동 디지털 치료기기": "대상은 만 6~12세 아동입니다. 부모 평가 척도를 사용합니다.",
    "성인 우울증 음성 분석 AI": "녹음 자료 약 2,000건을 보유합니다. 우울 척도 점수가 함께 기록되어 있습니다.",
    "소아 언어발달 평가": "언어치료사 6명이 근무합니다. 평가 영상은 보관하지 않습니다.",
    "하지정맥류 레이저 치료 임상": "연간 시술은 약 400건입니다. 초음파로 폐쇄 여부를 확인합니다.",
    "바이오 후기 단계 성장 투자": "건당 투자 규모는 50억 원 이상입니다.",
    "투명 교정장치 임상": "구강 스캐너로 치아 이동을 측정합니다.",
    "소아 보행 장애 평가": "3차원 동작분석실을 운영합니다. 연간 약 150명을 평가합니다.",
    "자궁경부암 로봇수술": "연간 약 60건을 시행합니다. 수술 후 합병증을 추적합니다.",
}

# Collaboration-logistics sentences: real listings often end with such
# practical notes. They are appended (seeded) to most distractors and some
# gold texts so that text length alone does not single out the answer.
LOGISTICS_KO = [
    "협력 문의는 산학협력단을 통해 접수합니다.",
    "연구계약 체결 전 비밀유지계약을 먼저 진행합니다.",
    "IRB 심의는 보통 4~6주가 소요됩니다.",
    "담당 교수와의 사전 화상 회의가 가능합니다.",
    "비용은 과제 규모에 따라 협의합니다.",
    "결과 보고서는 국문과 영문으로 제공할 수 있습니다.",
    "정부 연구개발 과제 공동 신청도 검토합니다.",
    "첫 미팅 후 2주 안에 견적을 드립니다.",
    "연구 간호사와 코디네이터가 실무를 지원합니다.",
    "기관 내 데이터는 외부 반출 없이 분석 환경에서 이용합니다.",
    "방문 견학은 사전 예약으로 가능합니다.",
    "지식재산권 귀속은 계약에서 별도로 정합니다.",
]
LOGISTICS_EN = [
    "Enquiries go through the industry-academic cooperation foundation.",
    "A confidentiality agreement is signed before detailed discussions.",
    "Ethics review usually takes four to six weeks.",
    "A first video call with the lead investigator can be arranged.",
    "Costs are agreed case by case.",
    "Reports can be provided in English or Korean.",
    "We are open to joint applications for government R&D grants.",
    "A quotation is sent within two weeks of the first meeting.",
    "Research nurses and coordinators handle day-to-day work.",
    "Data stay on site and are analysed in a secure environment.",
    "Site visits can be arranged by appointment.",
    "Ownership of intellectual property is set out in the contract.",
]

# ===========================================================================
# Institutions (invented names; romanised name + Korean name)
# ===========================================================================
STEMS = [
    ("Garam", "가람"), ("Yeoul", "여울"), ("Bitgoeul", "빛고을"), ("Dure", "두레"),
    ("Saemteo", "샘터"), ("Hannae", "한내"), ("Seonbi", "선비"), ("Bada", "바다"),
    ("Sanha", "산하"), ("Dongbaek", "동백"), ("Mokryeon", "목련"), ("Jindallae", "진달래"),
    ("Boram", "보람"), ("Chorok", "초록"), ("Onsaem", "온샘"), ("Baekdu", "백두"),
    ("Juwang", "주왕"), ("Deogyu", "덕유"), ("Chiak", "치악"), ("Woraksan", "월악산"),
    ("Naejang", "내장"), ("Songni", "속리"), ("Hanseom", "한섬"), ("Seomjin", "섬진"),
    ("Imjin", "임진"), ("Mangyeong", "만경"), ("Taehwa", "태화"), ("Hyeongsan", "형산"),
    ("Uiam", "의암"), ("Mirinae", "미리내"), ("Eunha", "은하"), ("Saetbyeol", "샛별"),
    ("Noeul", "노을"), ("Haetsal", "햇살"), ("Doran", "도란"), ("Sarang", "사랑"),
    ("Gaeul", "가을"), ("Hyanggi", "향기"), ("Ullim", "울림"), ("Sodam", "소담"),
    ("Dabit", "다빛"), ("Sumbit", "숨빛"), ("Yeonmot", "연못"), ("Geurim", "그림"),
    ("Hangang", "한강"), ("Narin", "나린"), ("Sinsi", "신시"), ("Ara", "아라"),
]
SUFFIXES = [
    ("University Hospital", "대학교병원", "hospital", "uh"),
    ("Medical Center", "의료원", "hospital", "mc"),
    ("Hospital", "병원", "hospital", "h"),
    ("Christian Hospital", "기독병원", "hospital", "ch"),
    ("University", "대학교", "university", "u"),
    ("National University", "국립대학교", "university", "nu"),
    ("College of Medicine", "의과대학", "university", "cm"),
]
REGIONS = [
    ("Seoul", "서울"), ("Seoul", "서울"), ("Gyeonggi", "경기"), ("Gyeonggi", "경기"),
    ("Incheon", "인천"), ("Busan", "부산"), ("Daegu", "대구"), ("Daejeon", "대전"),
    ("Gwangju", "광주"), ("Ulsan", "울산"), ("Sejong", "세종"), ("Gangwon", "강원"),
    ("Chungbuk", "충북"), ("Chungnam", "충남"), ("Jeonbuk", "전북"), ("Jeonnam", "전남"),
    ("Gyeongbuk", "경북"), ("Gyeongnam", "경남"), ("Jeju", "제주"),
]


def inst_description(rng, code, region, region_ko):
    beds = rng.choice([280, 400, 550, 640, 730, 880, 990, 1150, 1300, 1600, 1900])
    en = {
        "uh": "Teaching hospital in %s (%s beds) with a clinical trials office and research institute." % (region, format(beds, ",")),
        "mc": "Public regional medical centre in %s with %d beds." % (region, min(beds, 800)),
        "h": "Specialist hospital in %s with %d beds and a small research team." % (region, min(beds, 500)),
        "ch": "Mission hospital in %s with %d beds and a centre for clinical research." % (region, min(beds, 900)),
        "u": "Private university in %s with life science, engineering and pharmacy schools." % region,
        "nu": "National university in %s with a medical school and a technology transfer office." % region,
        "cm": "Medical school in %s with basic science departments and core facilities." % region,
    }[code]
    ko = {
        "uh": "%s에 있는 %s병상 교육병원으로 임상시험 지원 조직과 연구원을 두고 있습니다." % (region_ko, format(beds, ",")),
        "mc": "%s 지역의 %d병상 공공 거점 의료원입니다." % (region_ko, min(beds, 800)),
        "h": "%s에 있는 %d병상 전문병원으로 소규모 연구팀을 운영합니다." % (region_ko, min(beds, 500)),
        "ch": "%s에 있는 %d병상 기독교 재단 병원으로 임상연구센터를 운영합니다." % (region_ko, min(beds, 900)),
        "u": "%s 소재 사립대학교로 생명과학·공학·약학 계열 단과대학이 있습니다." % region_ko,
        "nu": "%s 소재 국립대학교로 의과대학과 기술이전 전담 조직을 두고 있습니다." % region_ko,
        "cm": "%s 소재 의과대학으로 기초의학 교실과 공동 연구시설을 운영합니다." % region_ko,
    }[code]
    return ko if rng.random() < 0.5 else en


def build_institutions(rng):
    hosp = [s for s in SUFFIXES if s[2] == "hospital"]
    uni = [s for s in SUFFIXES if s[2] == "university"]
    insts = []
    for rom, ko in STEMS:
        region, region_ko = rng.choice(REGIONS)
        # two or three institutions per stem, at least one hospital-type
        chosen = [rng.choice(hosp)]
        chosen.append(rng.choice([s for s in (hosp if rng.random() < 0.55 else uni) if s not in chosen]))
        if rng.random() < 0.6:
            chosen.append(rng.choice([s for s in SUFFIXES if s not in chosen]))
        for suf_en, suf_ko, kind, code in chosen:
            insts.append({
                "kind": kind,
                "name": "%s %s (%s%s)" % (rom, suf_en, ko, suf_ko),
                "region": region,
                "description": inst_description(rng, code, region, region_ko),
            })
    return insts


# Capabilities that read like a university lab or core are placed at
# universities, clinical ones at hospitals, others anywhere.
UNI_HINTS = ("lab", "core", "university", "school", "대학", "연구실", "연구소", "산학협력단", "코어", "centre houses")
CLINIC_HINTS = ("patients", "clinic", "ward", "hospital", "환자", "병동", "외래", "진료", "병원")


def preferred_kind(cap):
    text = (cap["title"] + " " + cap["description"]).lower()
    if any(h in text for h in UNI_HINTS):
        return "university"
    if any(h in text for h in CLINIC_HINTS):
        return "hospital"
    return None


# ===========================================================================
# Assembly
# ===========================================================================
def build():
    rng = random.Random(SEED)
    insts = build_institutions(rng)
    n_inst = len(insts)

    generals = [{"lang": g[0], "title": g[1], "description": g[2], "tags": g[3]} for g in GENERAL]
    caps_all = [q["gold"] for q in QUERIES] + [c for q in QUERIES for c in q["near"]] + generals
    titles = [c["title"] for c in caps_all] + [q["need"]["title"] for q in QUERIES]
    dup = sorted({t for t in titles if titles.count(t) > 1})
    assert not dup, dup

    # listing-specific detail sentences for the shorter distractors
    dtitles = {c["title"] for c in caps_all[len(QUERIES):]}
    assert set(EXTRA) <= dtitles, sorted(set(EXTRA) - dtitles)
    for cap in caps_all[len(QUERIES):]:
        if cap["title"] in EXTRA:
            cap["description"] = cap["description"] + " " + EXTRA[cap["title"]]

    # logistics notes: most distractors get one or two, gold texts sometimes
    lrng = random.Random(SEED + 1)
    # English answers came out longer than English distractors, so English
    # distractors get two notes more often and English answers none.
    def probs(cap, ko, en):
        return ko if cap["lang"] == "ko" else en
    roles = [(c, 0.9, probs(c, 0.4, 0.8)) for c in generals] + \
            [(c, 0.9, probs(c, 0.35, 0.8)) for q in QUERIES for c in q["near"]] + \
            [(q["gold"], probs(q["gold"], 0.35, 0.0), 0.0) for q in QUERIES]
    for cap, p1, p2 in roles:
        pool = LOGISTICS_KO if cap["lang"] == "ko" else LOGISTICS_EN
        n = 0
        if lrng.random() < p1:
            n = 2 if lrng.random() < p2 else 1
        # every capability text should have at least two sentences
        if n == 0 and len(re.split(r"(?<=[.!?])\s+", cap["description"].strip())) < 2:
            n = 1
        for t in lrng.sample(pool, n):
            cap["description"] = cap["description"] + " " + t

    # per-institution listing totals (1-3), same distribution for all
    n_caps = len(caps_all)
    target = [rng.choices([1, 2, 3], weights=[30, 40, 30])[0] for _ in range(n_inst)]
    while sum(target) != n_caps:
        i = rng.randrange(n_inst)
        if sum(target) < n_caps and target[i] < 3:
            target[i] += 1
        elif sum(target) > n_caps and target[i] > 1:
            target[i] -= 1
    left = list(target)
    placed = [[] for _ in range(n_inst)]  # (cap, role, query index or None)

    order = list(range(n_inst))
    rng.shuffle(order)
    gold_inst = []
    for qi, q in enumerate(QUERIES):
        pick = next(i for i in order if insts[i]["kind"] == q["kind"] and not placed[i])
        placed[pick].append((q["gold"], "gold", qi))
        left[pick] -= 1
        gold_inst.append(pick)

    def candidates(cap, qi):
        pk = preferred_kind(cap)
        out = []
        for i in range(n_inst):
            if left[i] <= 0:
                continue
            if qi is not None and (gold_inst[qi] == i or any(r[2] == qi for r in placed[i])):
                continue
            out.append(i)
        pref = [i for i in out if pk in (None, insts[i]["kind"])]
        return pref or out

    near = [(c, qi) for qi, q in enumerate(QUERIES) for c in q["near"]]
    rng.shuffle(near)
    for cap, qi in near:
        cands = candidates(cap, qi)
        # fill empty institutions first so every institution gets a listing
        empty = [i for i in cands if not placed[i]]
        i = rng.choice(empty or cands)
        placed[i].append((cap, "near", qi))
        left[i] -= 1
    rng.shuffle(generals)
    for cap in generals:
        cands = candidates(cap, None)
        empty = [i for i in cands if not placed[i]]
        i = rng.choice(empty or cands)
        placed[i].append((cap, "general", None))
        left[i] -= 1
    assert all(x == 0 for x in left), left
    assert all(placed), "institution without listings"

    # --- organisations ------------------------------------------------------
    orgs = [dict(inst, _key=("inst", i)) for i, inst in enumerate(insts)]
    for qi, q in enumerate(QUERIES):
        orgs.append({"kind": "firm", "name": q["firm"], "region": q["region"],
                     "description": q["firm_desc"], "_key": ("firm", qi)})
    rng.shuffle(orgs)
    org_id = {o["_key"]: "o%03d" % n for n, o in enumerate(orgs, 1)}

    # --- listings and facet stripping ------------------------------------------
    listings = []  # (group, org key, cap, side)
    for qi, q in enumerate(QUERIES):
        listings.append(("need", ("firm", qi), q["need"], "need"))
    for i in range(n_inst):
        for cap, role, _qi in placed[i]:
            listings.append(("gold" if role == "gold" else "distractor", ("inst", i), cap, "capability"))
    # a third of the needs and of the gold answers lose their facet fields,
    # stratified by need language; distractors are topped up to a third overall
    untag = set()
    for group in ("need", "gold"):
        for lang in ("ko", "en"):
            ks = [k for k, x in enumerate(listings) if x[0] == group and x[2]["lang"] == lang]
            want = round(len(ks) / 3.0)
            already = [k for k in ks if not parse_tags(listings[k][2]["tags"])]
            rest = [k for k in ks if parse_tags(listings[k][2]["tags"])]
            rng.shuffle(rest)
            untag.update(rest[:max(0, want - len(already))])
    ks = [k for k, x in enumerate(listings) if x[0] == "distractor"]
    already = sum(1 for k in range(len(listings)) if k in untag or not parse_tags(listings[k][2]["tags"]))
    rest = [k for k in ks if parse_tags(listings[k][2]["tags"])]
    rng.shuffle(rest)
    need_more = -(-len(listings) // 3) - already
    untag.update(rest[:max(0, need_more)])

    recs = []
    for k, (_g, okey, cap, side) in enumerate(listings):
        rec = {"type": "listing", "id": None, "org": org_id[okey], "side": side,
               "title": cap["title"], "description": cap["description"]}
        if k not in untag:
            rec.update(parse_tags(cap["tags"]))
        rec["lang"] = cap["lang"]
        recs.append(rec)
    rng.shuffle(recs)
    for n, rec in enumerate(recs, 1):
        rec["id"] = "l%04d" % n

    links = [{"type": "link", "a": org_id[("firm", qi)], "b": org_id[("inst", gold_inst[qi])],
              "kind": "partnership", "split": "test"} for qi in range(len(QUERIES))]
    rng.shuffle(links)

    lines = []
    for o in orgs:
        lines.append({"type": "organization", "id": org_id[o["_key"]], "kind": o["kind"],
                      "name": o["name"], "region": o["region"], "country": "KR",
                      "description": o["description"]})
    lines.extend(recs)
    lines.extend(links)
    return lines


HANGUL = re.compile("[\uac00-\ud7a3]")
FACETS = ("partnership_types", "therapeutic_areas", "technologies")


def validate(path):
    """Re-read the written file and check structure and content."""
    orgs, listings, links = {}, [], []
    kinds_seen = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            obj = json.loads(line)
            kinds_seen.append(obj["type"])
            if obj["type"] == "organization":
                assert obj["id"] not in orgs, obj["id"]
                assert obj["kind"] in ("hospital", "university", "firm")
                assert obj["country"] == "KR" and obj["name"] and obj["region"] and obj["description"]
                orgs[obj["id"]] = obj
            elif obj["type"] == "listing":
                listings.append(obj)
            elif obj["type"] == "link":
                links.append(obj)
            else:
                raise AssertionError("line %d: unknown type %r" % (n, obj["type"]))
    # lines ordered organisations, listings, links
    rank = {"organization": 0, "listing": 1, "link": 2}
    assert [rank[k] for k in kinds_seen] == sorted(rank[k] for k in kinds_seen)

    ids = [x["id"] for x in listings]
    assert len(ids) == len(set(ids))
    assert not set(ids) & set(orgs)
    for x in listings:
        assert x["org"] in orgs, x["id"]
        assert x["side"] in ("need", "capability") and x["lang"] in ("ko", "en")
        assert x["title"].strip() and x["description"].strip(), x["id"]
        for f in FACETS:
            if f in x:
                assert x[f], (x["id"], f)
        assert set(x.get("partnership_types", [])) <= set(PT.values()), x["id"]
        assert set(x.get("technologies", [])) <= set(TECH.values()), x["id"]
        assert set(x.get("therapeutic_areas", [])) <= AREAS, x["id"]
        text = x["title"] + " " + x["description"]
        if x["lang"] == "ko":
            assert HANGUL.search(text), x["id"]
        else:
            assert not HANGUL.search(text), x["id"]
        if x["side"] == "capability":
            nsent = len([s for s in re.split(r"(?<=[.!?])\s+", x["description"].strip()) if s])
            assert nsent >= 2, (x["id"], x["title"])

    by_org = {}
    for x in listings:
        by_org.setdefault(x["org"], []).append(x)
    firm_ids = {i for i, o in orgs.items() if o["kind"] == "firm"}
    inst_ids = set(orgs) - firm_ids
    for i in inst_ids:
        caps = by_org.get(i, [])
        assert 1 <= len(caps) <= 3 and all(c["side"] == "capability" for c in caps), i
    for f in firm_ids:
        own = by_org.get(f, [])
        assert len(own) == 1 and own[0]["side"] == "need", f
    for k in links:
        assert k["a"] in firm_ids and k["b"] in inst_ids, k
        assert k["kind"] == "partnership" and k["split"] == "test"
    link_of = {}
    for k in links:
        assert k["a"] not in link_of, k["a"]
        link_of[k["a"]] = k["b"]
    assert set(link_of) == firm_ids
    assert len(set(link_of.values())) == len(link_of), "two queries share a gold institution"

    by_title = {}
    for x in listings:
        assert x["title"] not in by_title, x["title"]
        by_title[x["title"]] = x
    gold_titles = {q["gold"]["title"] for q in QUERIES}
    ko_en = en_ko = 0
    n_near = []
    for q in QUERIES:
        need = by_title[q["need"]["title"]]
        gold = by_title[q["gold"]["title"]]
        assert need["lang"] == q["lang"] and gold["lang"] != need["lang"]
        gold_org = link_of[need["org"]]
        assert gold["org"] == gold_org, q["firm"]
        # the gold institution's other listings are unrelated to this query
        for other in by_org[gold_org]:
            assert other["title"] not in {c["title"] for c in q["near"]}
        near = [by_title[c["title"]] for c in q["near"]]
        assert 2 <= len(near) <= 4
        for c in near:
            assert c["lang"] == need["lang"] and c["org"] != gold_org and c["side"] == "capability"
        assert len({c["org"] for c in near}) == len(near), q["firm"]
        n_near.append(len(near))
        if need["lang"] == "ko":
            ko_en += 1
        else:
            en_ko += 1

    caps = [x for x in listings if x["side"] == "capability"]
    distractors = [c for c in caps if c["title"] not in gold_titles]
    untagged = [x for x in listings if not any(f in x for f in FACETS)]
    golds = [c for c in caps if c["title"] in gold_titles]
    gold_orgs = set(link_of.values())
    assert ko_en == 30 and en_ko == 30
    assert len(untagged) * 3 >= len(listings)
    stats = {
        "organizations": len(orgs),
        "institutions": len(inst_ids),
        "hospitals": sum(1 for i in inst_ids if orgs[i]["kind"] == "hospital"),
        "universities": sum(1 for i in inst_ids if orgs[i]["kind"] == "university"),
        "firms": len(firm_ids),
        "listings": len(listings),
        "listings_ko": sum(1 for x in listings if x["lang"] == "ko"),
        "listings_en": sum(1 for x in listings if x["lang"] == "en"),
        "queries_ko_to_en": ko_en,
        "queries_en_to_ko": en_ko,
        "gold_capabilities": len(golds),
        "gold_institutions_university": sum(1 for i in gold_orgs if orgs[i]["kind"] == "university"),
        "gold_institution_extra_listings": {str(n): sum(1 for i in gold_orgs if len(by_org[i]) - 1 == n) for n in (0, 1, 2)},
        "distractor_capabilities": len(distractors),
        "distractors_ko": sum(1 for c in distractors if c["lang"] == "ko"),
        "distractors_en": sum(1 for c in distractors if c["lang"] == "en"),
        "near_misses": sum(n_near),
        "near_misses_per_query": {str(n): n_near.count(n) for n in (2, 3, 4)},
        "general_distractors": len(distractors) - sum(n_near),
        "institutions_with_distractors": len({c["org"] for c in distractors}),
        "untagged_listings": len(untagged),
        "untagged_needs": sum(1 for x in untagged if x["side"] == "need"),
        "untagged_needs_ko": sum(1 for x in untagged if x["side"] == "need" and x["lang"] == "ko"),
        "untagged_golds": sum(1 for x in untagged if x["title"] in gold_titles),
        "untagged_distractors": sum(1 for x in untagged if x in distractors),
        "links": len(links),
    }
    assert stats["untagged_needs"] == 20
    return stats


def main():
    lines = build()
    with open(OUT, "w", encoding="utf-8") as fh:
        for obj in lines:
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
    stats = validate(OUT)
    json.dump(stats, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
