#!/usr/bin/env python3
"""Build the ClusterLink bilingual (Korean <-> English) matching evaluation set.

All texts below were hand-written for this evaluation set. The script only
assembles them, assigns opaque ids, strips facet tags from one third of the
listings and shuffles deterministically (fixed seed), then writes
bilingual-set.jsonl next to this file and validates the result.

Run:  python3 tests/data/bilingual/build_set.py
"""
import json
import math
import os
import random
import re
import sys

SEED = 20261125
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "bilingual-set.jsonl")

# ---------------------------------------------------------------------------
# Facet tag shorthand: "pt1,pt2|area1,area2|tech1,tech2" (groups may be empty)
# ---------------------------------------------------------------------------
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


def C(lang, title, desc, tags):
    """A capability text (answer, near miss or general distractor)."""
    return {"lang": lang, "title": title, "description": desc, "tags": tags}


QUERIES = []


def Q(lang, firm, region, firm_desc, need, answer, near, inst_kind=None):
    """lang = language of the need; answer is in the other language; near
    misses are in the same language as the need."""
    other = "en" if lang == "ko" else "ko"
    assert need["lang"] == lang and answer["lang"] == other, firm
    for n in near:
        assert n["lang"] == lang, (firm, n["title"])
    QUERIES.append({"lang": lang, "firm": firm, "region": region,
                    "firm_desc": firm_desc, "need": need, "answer": answer,
                    "near": near, "inst_kind": inst_kind})


def N(lang, title, desc, tags):
    return {"lang": lang, "title": title, "description": desc, "tags": tags}

# ===========================================================================
# Queries whose need is written in KOREAN (answer capability in English)
# ===========================================================================
Q("ko", "Veritas Immunotherapeutics (베리타스이뮤노)", "Gyeonggi",
  "2021년 판교에서 설립된 면역항암 이중항체 전문 바이오텍입니다.",
  N("ko", "비소세포폐암 대상 이중항체 면역항암제 1상 임상 실시기관 모집",
    "PD-L1×4-1BB 이중특이항체의 국내 첫 인체 투여(FIH) 1상을 내년 하반기에 개시할 예정입니다. "
    "용량 증량 단계에서 면역관련 이상반응을 빠르게 관리할 수 있는 종양내과 전담 병상과 연구간호사 인력이 필요합니다. "
    "기존 면역관문억제제 치료 후 진행된 폐암 환자를 등록할 수 있는 기관을 찾고 있습니다.",
    "ct|oncology,respiratory|bio"),
  C("en", "Phase I oncology unit with a lung cancer immunotherapy track record",
    "Our early-phase trials center has 14 dedicated beds and has run over 60 first-in-human and dose-escalation studies since 2015. "
    "The thoracic oncology team enrolls around 40 non-small cell lung cancer patients a year into checkpoint-inhibitor combination studies, including patients who progressed on anti-PD-1 therapy. "
    "Oncologists are on call 24 hours and follow a dedicated immune-related adverse event protocol.",
    "ct|oncology,respiratory|bio"),
  [C("ko", "유방암 수술 및 즉시 재건 통합 클리닉",
     "유방외과와 성형외과가 협진하는 유방암 수술 센터로 연간 1,800건 이상의 절제술과 즉시 재건술을 시행합니다. "
     "감시림프절 생검 보조 기기와 종양성형술용 의료기기 임상을 수행한 경험이 있습니다.",
     "ct|oncology|dev"),
   C("ko", "저선량 흉부 CT 폐결절 판독 AI 검증 데이터",
     "건강검진센터에서 촬영한 저선량 흉부 CT 12만 건과 조직검사로 확진된 폐암 결절 라벨을 보유하고 있습니다. "
     "영상의학과 전문의 2인의 합의 판독 결과를 AI 성능 검증용으로 제공할 수 있습니다.",
     "da,cv|oncology,respiratory|ai")])

Q("ko", "Retinex AI (레티넥스에이아이)", "Seoul",
  "안저 영상 기반 안과 질환 선별 소프트웨어를 개발하는 의료 AI 스타트업입니다.",
  N("ko", "당뇨망막병증 선별 AI 전향적 임상 검증 협력 병원",
    "안저사진 한 장으로 의뢰가 필요한 당뇨망막병증을 판별하는 소프트웨어를 개발했고 식약처 확증 임상을 준비하고 있습니다. "
    "내과 외래에서 당뇨 환자를 연속 등록하고 망막 전문의가 산동 검사로 최종 판정해 줄 수 있는 안과가 필요합니다. "
    "가능하면 과거 안저 영상도 후향적 검증에 활용하고 싶습니다.",
    "cv,da|ophthalmology,endocrinology|ai"),
  C("en", "Retina clinic for prospective validation of diabetic eye screening tools",
    "The Department of Ophthalmology runs a dedicated diabetic eye clinic seeing about 9,000 patients with diabetes a year next to the endocrinology clinic. "
    "Retina specialists grade dilated fundus examinations and OCT on the ICDR scale, giving a reference standard for diagnostic accuracy studies. "
    "A de-identified archive of 150,000 graded non-mydriatic fundus photographs is available under IRB approval.",
    "cv,da|ophthalmology,endocrinology|ai"),
  [C("ko", "녹내장 OCT 장기 추적 코호트",
     "녹내장 클리닉에서 10년 이상 추적한 환자 4,000명의 빛간섭단층촬영(OCT)과 시야검사 자료를 보유하고 있습니다. "
     "녹내장 진행 예측 모델 공동개발을 희망하는 기업과 협력하고자 합니다.",
     "da,cd|ophthalmology|ai"),
   C("ko", "당뇨병콩팥병 코호트 혈액·소변 검체",
     "내분비내과와 신장내과가 함께 구축한 제2형 당뇨병 환자 2,200명 코호트로, 3년 간격의 eGFR과 알부민뇨 변화를 추적합니다. "
     "매 방문 시 혈청과 소변을 보관하고 있어 신장 합병증 바이오마커 연구에 분양할 수 있습니다.",
     "da|endocrinology,nephrology|dx")])

Q("ko", "Cardiolab (카디오랩)", "Daejeon",
  "패치형 심전도 기기와 부정맥 판독 알고리즘을 만드는 의료기기 기업입니다.",
  N("ko", "심방세동 검출용 패치형 심전도 기기 임상적 성능 평가",
    "가슴에 붙여 최대 14일간 단일 유도 심전도를 기록하는 패치와 부정맥 자동 판독 알고리즘을 개발했습니다. "
    "24시간 홀터 검사와 동시에 착용하는 비교 임상으로 심방세동 검출 민감도를 입증하려 합니다. "
    "부정맥 전문의가 판독을 맡아 줄 수 있는 순환기내과와 협력하고 싶습니다.",
    "cv,ct|cardiology|dev,ai"),
  C("en", "Arrhythmia center for wearable ECG device validation",
    "Our cardiac electrophysiology team performs more than 5,000 Holter and event-monitor studies a year and runs a large outpatient atrial fibrillation clinic. "
    "We have completed several head-to-head accuracy studies comparing wearable recorders against simultaneous Holter monitoring, with rhythm adjudication by two electrophysiologists. "
    "Our core lab accepts raw single-lead ECG exports.",
    "cv|cardiology|dev"),
  [C("ko", "심부전 환자 원격 모니터링 프로그램",
     "퇴원한 심부전 환자 300명을 대상으로 체중, 혈압, 증상을 앱으로 수집하는 원격 관리 프로그램을 운영하고 있습니다. "
     "재입원 감소 효과를 평가하는 디지털 헬스 공동연구 파트너를 찾고 있습니다.",
     "cd,cv|cardiology|dh"),
   C("ko", "고혈압 클리닉 활동혈압 비교 연구",
     "고혈압 클리닉에서 24시간 활동혈압측정을 연간 2,000건 시행하며, 커프 없는 손목형 혈압계의 정확도를 표준 측정법과 비교한 연구를 수행했습니다.",
     "cv|cardiology|dev")])

Q("ko", "Celvion (셀비온)", "Seoul",
  "혈액암 대상 자가 CAR-T 세포치료제를 개발하는 바이오벤처입니다.",
  N("ko", "자가 CAR-T 세포치료제 임상시료 생산을 위한 GMP 시설 임대",
    "림프종 대상 CAR-T 후보물질의 연구자 임상 진입을 앞두고 있지만 아직 자체 생산시설이 없습니다. "
    "첨단바이오의약품 제조 요건을 갖춘 클린룸(B등급 배경의 A등급 작업구역)을 6~12개월 단위로 사용할 수 있는 곳을 찾습니다. "
    "세포 배양과 품질관리(QC) 시험 인력까지 지원되면 더 좋겠습니다.",
    "fu|oncology,hematology|cell"),
  C("en", "Shared cell-processing cleanrooms for advanced therapy manufacturing",
    "The university's Cell Therapy Manufacturing Center has four Grade B cleanroom suites with Grade A isolators and an MFDS advanced-therapy manufacturing licence. "
    "External companies can book suites for 6- to 12-month campaigns to produce autologous T-cell or NK-cell products for clinical trials. "
    "Our quality-control lab runs sterility, endotoxin, mycoplasma and flow cytometry release tests, and trained operators can be seconded.",
    "fu|oncology,hematology|cell"),
  [C("ko", "중간엽줄기세포 세포은행 구축 및 동결보관",
     "제대혈과 지방 유래 중간엽줄기세포를 분리·계대배양해 연구용 세포은행을 구축하는 실험실을 운영합니다. "
     "세포 특성 분석과 장기 동결보관 서비스를 제공하며, 연구 단계 기업과의 공동연구를 환영합니다.",
     "fu||cell"),
   C("ko", "렌티바이러스 벡터 역가 및 안전성 시험",
     "유전자 전달용 렌티바이러스·AAV 벡터의 역가 측정, 복제가능 바이러스(RCL) 시험, 잔류 DNA 분석을 위탁 수행합니다. "
     "분석법 밸리데이션 자료를 인허가 제출용으로 작성해 드립니다.",
     "fu||gene")],
  inst_kind="university")

Q("ko", "NeuroMark Dx (뉴로마크진단)", "Gyeonggi",
  "혈액 기반 치매 조기진단 키트를 개발하는 체외진단 기업입니다.",
  N("ko", "알츠하이머병 혈액 바이오마커 검증용 아밀로이드 PET 확인 검체",
    "혈장 p-tau217 기반 치매 조기진단 키트를 개발하고 있으며, 성능 검증을 위해 아밀로이드 PET 결과가 확인된 대상자의 혈장이 필요합니다. "
    "인지 정상, 경도인지장애, 알츠하이머 치매 단계별로 최소 300명 규모를 희망합니다. "
    "신경심리검사 점수 등 임상정보도 함께 받고 싶습니다.",
    "da,cv|neurology|dx"),
  C("en", "Memory clinic cohort with amyloid imaging and banked plasma",
    "Our neurology memory clinic has followed over 1,200 participants across cognitively unimpaired, MCI and Alzheimer's dementia stages since 2016. "
    "Each participant has amyloid PET (florbetaben or flutemetamol), brain MRI and a full neuropsychological battery, and EDTA plasma aliquots are stored at -80°C at every visit. "
    "Samples with linked clinical data are shared with industry under a material transfer agreement.",
    "da,cv|neurology|dx"),
  [C("ko", "파킨슨병 코호트 및 뇌척수액 검체",
     "운동질환 클리닉에서 파킨슨병 환자 700명의 도파민운반체 PET, 뇌척수액, 혈액 검체를 장기 추적하며 수집하고 있습니다. "
     "알파-시누클레인 관련 바이오마커 연구 협력이 가능합니다.",
     "da|neurology|dx"),
   C("ko", "급성 뇌경색 MRI 다기관 레지스트리",
     "급성 허혈성 뇌졸중 환자 8,000명의 확산강조 MRI와 3개월 기능 평가(mRS) 자료를 모은 다기관 레지스트리를 운영합니다. "
     "영상 기반 예후 예측 연구에 데이터를 제공할 수 있습니다.",
     "da|neurology|ai")])

Q("ko", "Lysogen Therapeutics (라이소젠)", "Incheon",
  "희귀 대사질환 치료용 효소 의약품을 개발하는 송도 소재 바이오 기업입니다.",
  N("ko", "파브리병 효소대체요법 2상 임상 환자 모집 협력",
    "차세대 장기지속형 효소대체요법 후보물질의 국내 2상을 준비하고 있습니다. "
    "파브리병은 국내 환자가 수백 명 수준이라 유전 진단이 확인된 환자를 다수 추적 관리하는 기관의 참여가 꼭 필요합니다. "
    "신장과 심장 침범을 평가할 검사 역량도 중요합니다.",
    "ct|rare_disease,nephrology|bio"),
  C("en", "Inherited metabolic disease clinic with a lysosomal storage disorder registry",
    "The Medical Genetics Center manages one of the country's largest lysosomal storage disorder registries, including more than 90 genetically confirmed Fabry disease patients and smaller Gaucher and MPS cohorts. "
    "Patients are followed with annual eGFR, proteinuria, cardiac MRI and echocardiography. "
    "The team has served as a site for four enzyme replacement and substrate reduction therapy trials.",
    "ct,da|rare_disease|bio"),
  [C("ko", "혈우병 환자 레지스트리와 유전자치료 임상",
     "혈액내과와 소아청소년과가 함께 중증 혈우병 A·B 환자 400명을 관리하며 출혈 기록과 응고인자 사용량을 레지스트리로 축적하고 있습니다. "
     "AAV 기반 혈우병 유전자치료 임상에 참여한 경험이 있습니다.",
     "ct,da|rare_disease,hematology|gene"),
   C("ko", "척수성 근위축증(SMA) 소아 신경근육질환 클리닉",
     "소아신경과 신경근육질환 클리닉에서 SMA 환아 120명을 진료하며 유전자치료제와 안티센스 올리고뉴클레오타이드 투여 경험이 있습니다. "
     "운동 기능 척도(HFMSE, CHOP-INTEND) 평가 인력을 갖추고 있습니다.",
     "ct|rare_disease,neurology|gene")])

Q("ko", "Medisight (메디사이트)", "Seoul",
  "흉부 X선 판독 보조 딥러닝 소프트웨어를 개발하는 창업 2년 차 스타트업입니다.",
  N("ko", "AI 영상진단 소프트웨어 식약처 2등급 허가 컨설팅",
    "흉부 X선에서 기흉과 결절을 표시하는 딥러닝 소프트웨어를 개발했지만 의료기기 허가 경험이 전혀 없는 초기 스타트업입니다. "
    "품목 분류, 기술문서 작성, 임상 성능시험 설계까지 식약처 인허가 전 과정을 지도해 줄 전문가를 찾습니다. "
    "혁신의료기기 지정 가능성도 함께 검토받고 싶습니다.",
    "rg,mt|respiratory|ai,dev"),
  C("en", "Regulatory science support for software as a medical device",
    "Our Medical Device Regulatory Science Center, staffed by former MFDS reviewers and clinical researchers, guides startups through Korean approval of software as a medical device. "
    "Services cover classification, technical and cybersecurity documentation, clinical performance study design and pre-submission meetings. "
    "We have supported 25 AI imaging products to approval, several of them designated as innovative medical devices.",
    "rg,mt||ai,dev"),
  [C("ko", "의료기기 제조·품질관리(GMP) 심사 대응 컨설팅",
     "체외진단기기와 능동형 의료기기 제조사를 대상으로 의료기기 GMP 적합성 인정 심사 준비와 품질 매뉴얼 작성을 지원합니다. "
     "제조소 현장 심사 모의평가와 문서 정비 경험이 풍부합니다.",
     "rg||dev,dx"),
   C("ko", "신약 임상시험계획(IND) 승인 전략 자문",
     "합성신약과 바이오의약품의 임상시험계획 승인 신청을 위한 비임상 자료 검토와 식약처 사전상담을 지원합니다. "
     "약리·독성 전문가가 IND 패키지의 보완 가능성을 미리 점검합니다.",
     "rg||sm,bio")])

Q("ko", "Dermaxis (더마시스)", "Gyeonggi",
  "염증성 피부질환 외용제를 개발하는 신약 벤처입니다.",
  N("ko", "중등도~중증 아토피피부염 외용제 2상 임상 실시기관",
    "JAK 억제 기전의 외용 크림으로 해외 1상을 마쳤고 국내 2상을 계획하고 있습니다. "
    "성인과 청소년 아토피 환자를 12주간 추적하며 EASI 점수를 평가할 피부과 연구팀이 필요합니다. "
    "연간 등록 가능한 환자 수가 많은 기관을 선호합니다.",
    "ct|dermatology|sm"),
  C("en", "Atopic eczema research clinic for phase II topical and systemic trials",
    "The Department of Dermatology runs a specialised eczema clinic with over 6,000 adolescent and adult patients, about a third of them with moderate-to-severe disease. "
    "Investigators are trained in standardised eczema severity scoring, and we have completed eleven phase II/III trials of topical agents, oral kinase inhibitors and biologics. "
    "Standardised medical photography and a dedicated coordinator team support 12- to 52-week studies.",
    "ct|dermatology|sm,bio"),
  [C("ko", "건선 생물학적제제 임상 경험",
     "피부과 건선 클리닉에서 IL-17, IL-23 억제제 3상 임상 9건을 수행했습니다. "
     "판상 건선 환자 2,500명의 PASI 추적 자료를 보유하고 있습니다.",
     "ct|dermatology|bio"),
   C("ko", "기능성 화장품 인체적용시험 시설",
     "주름 개선과 미백 기능성 화장품의 인체적용시험을 위한 항온항습실과 피부 측정 장비(Visia, Cutometer)를 갖추고 있습니다. "
     "피부과 전문의 감독하에 4~12주 시험을 수행합니다.",
     "cv|dermatology|")])

Q("ko", "Arteria Medical (아테리아메디칼)", "Gangwon",
  "원주 의료기기 클러스터에 입주한 심혈관 중재시술 기기 제조사입니다.",
  N("ko", "관상동맥 약물방출 스텐트 대동물(돼지) 전임상 시험",
    "생분해성 고분자 코팅 약물방출 스텐트의 인허가용 비임상 시험을 위해 돼지 관상동맥 모델에서 이식 후 28일, 90일 평가를 수행할 기관을 찾고 있습니다. "
    "혈관조영 장비와 혈관내 영상(OCT), 조직병리 분석이 가능해야 합니다. "
    "GLP 수준의 자료 관리가 필요합니다.",
    "fu|cardiology|dev"),
  C("en", "GLP large-animal facility with a catheterization lab",
    "Our preclinical research center houses swine and sheep models and has a fully equipped angiography suite with intravascular ultrasound and optical coherence imaging. "
    "The team has performed over 150 coronary and peripheral stent implantation studies with 28- to 180-day follow-up, including histomorphometry of resin-embedded vessel sections. "
    "Studies run under a good laboratory practice quality system suitable for regulatory submissions in Korea and the US.",
    "fu|cardiology|dev"),
  [C("ko", "설치류 독성시험 및 약동학 서비스",
     "랫드와 마우스를 이용한 단회·반복투여 독성시험과 약동학 분석을 비임상 CRO 수준으로 제공합니다. "
     "저분자 및 항체 신약 후보물질의 IND 제출용 자료 작성 경험이 있습니다.",
     "fu||sm,bio"),
   C("ko", "소동물 PET/MRI 영상 코어",
     "마우스·랫드 전용 PET/CT와 9.4T MRI를 보유해 종양 성장과 약물 분포를 비침습적으로 영상화합니다. "
     "외부 연구자도 장비 사용 교육 후 이용할 수 있습니다.",
     "fu|oncology|")])

Q("ko", "Slumberlab (슬럼버랩)", "Seoul",
  "수면 장애 디지털치료기기를 개발하는 스타트업입니다.",
  N("ko", "불면증 디지털치료기기 확증 임상시험 기관",
    "불면증 인지행동치료(CBT-I)를 6주 프로그램으로 구현한 모바일 앱을 만들었고 탐색 임상을 마쳤습니다. "
    "확증 임상에서는 수면다원검사와 수면일지로 효과를 평가할 예정이라 수면클리닉을 운영하는 정신건강의학과나 신경과가 필요합니다. "
    "디지털치료기기 임상 경험이 있는 연구진이면 좋겠습니다.",
    "ct,cv|psychiatry,neurology|dh"),
  C("en", "Sleep medicine center experienced in insomnia therapy and digital therapeutic trials",
    "The hospital's Sleep Medicine Center performs about 3,000 overnight polysomnography studies a year and runs a group cognitive behavioural therapy programme for insomnia led by psychiatrists and psychologists. "
    "We have been a site in two randomised trials of app-based interventions for chronic insomnia, using ISI, sleep diaries and actigraphy as endpoints. "
    "Our team can advise on sham-control design for software treatments.",
    "ct,cv|psychiatry|dh"),
  [C("ko", "우울증 디지털치료기기 공동개발",
     "정신건강의학과에서 경도~중등도 우울증 환자용 인지행동치료 콘텐츠를 개발해 왔습니다. "
     "이를 앱 기반 치료제로 발전시킬 공동개발 파트너를 찾습니다.",
     "cd|psychiatry|dh"),
   C("ko", "폐쇄성 수면무호흡 양압기 순응도 연구",
     "이비인후과와 호흡기내과가 수면무호흡 환자의 양압기 사용 데이터를 원격으로 수집해 순응도 개선 연구를 하고 있습니다.",
     "cv|respiratory,otolaryngology|dev")])

Q("ko", "Immuvax (이뮤백스)", "Chungbuk",
  "오송에 위치한 재조합 단백질 백신 개발 기업입니다.",
  N("ko", "고령자 대상 RSV 백신 1/2상 임상 참여 기관",
    "60세 이상 성인을 대상으로 한 호흡기세포융합바이러스(RSV) 재조합 단백질 백신의 국내 1/2상을 계획하고 있습니다. "
    "건강한 고령 자원자를 빠르게 모집하고 면역원성 채혈 일정을 관리할 수 있는 백신 임상 전문 조직이 필요합니다. "
    "호흡기 바이러스 감시 체계를 운영하는 곳이면 더 좋습니다.",
    "ct|infectious_disease,respiratory|vac"),
  C("en", "Vaccine trial center with an older-adult volunteer database",
    "The Vaccine Clinical Research Center has run more than 30 phase I–III trials of influenza, pneumococcal, zoster and COVID-19 vaccines. "
    "We keep a pre-screened database of about 4,000 community-dwelling adults aged 60 and over willing to be contacted. "
    "Our lab processes serum and PBMC samples for immunogenicity endpoints, and the infectious diseases division runs seasonal respiratory virus surveillance.",
    "ct|infectious_disease|vac"),
  [C("ko", "HIV 감염인 코호트 임상",
     "감염내과에서 HIV 감염인 1,500명을 추적 관리하며 항레트로바이러스제 임상과 동반질환 연구를 수행합니다.",
     "ct,da|infectious_disease|sm"),
   C("ko", "소아 예방접종 이상반응 감시 자료",
     "소아청소년과에서 영유아 예방접종 후 이상반응을 능동 감시한 10년치 자료를 보유하고 있으며 백신 안전성 연구에 활용할 수 있습니다.",
     "da|infectious_disease,pediatrics|vac")])

Q("ko", "Vitalogic (바이탈로직)", "Seoul",
  "중환자 생체신호 분석 AI를 개발하는 헬스케어 스타트업입니다.",
  N("ko", "패혈증 조기경보 AI 개발을 위한 중환자실 생체신호 데이터",
    "중환자실 환자의 활력징후, 검사 결과, 투약 기록을 시계열로 분석해 패혈증 발생 6시간 전에 경고하는 모델을 만들고 있습니다. "
    "분 단위 이상의 고해상도 모니터 데이터와 EMR이 연결된 비식별 데이터셋 접근이 필요합니다. "
    "이후 다기관 외부 검증까지 함께할 병원을 찾습니다.",
    "da,cd|infectious_disease|ai"),
  C("en", "De-identified critical care data warehouse",
    "Our medical ICUs (72 beds) stream bedside monitor waveforms and vital signs at one-second resolution into a research warehouse linked to EMR labs, medications and nursing notes. "
    "The dataset covers about 45,000 ICU admissions since 2017, with Sepsis-3 labels derived by intensivists. "
    "Industry access is granted through the hospital data review board in a secure on-premises analysis environment.",
    "da|infectious_disease|ai"),
  [C("ko", "응급실 중증도 분류 AI 공동연구",
     "응급의학과에서 KTAS 중증도 분류 기록과 내원 시 활력징후 80만 건을 활용한 트리아지 보조 AI를 연구하고 있습니다. "
     "기업과 공동개발 형태의 협력을 원합니다.",
     "cd,da||ai"),
   C("ko", "수술실 마취 기록 및 동맥압 파형 데이터",
     "전신마취 수술 6만 건의 마취 기록과 동맥압 파형을 수집한 데이터베이스로, 수술 중 저혈압 예측 연구에 활용되고 있습니다.",
     "da||ai")])

Q("ko", "Chondrogen (콘드로젠)", "Daegu",
  "동종 줄기세포 기반 근골격계 재생 치료제를 개발하는 기업입니다.",
  N("ko", "무릎 연골 재생 줄기세포 주사제 공동개발 정형외과 파트너",
    "동종 제대혈 유래 줄기세포를 하이드로겔과 함께 관절강 내에 주사하는 연골 재생 치료제를 개발하고 있습니다. "
    "전임상 단계부터 임상 설계, 관절경 평가 방법까지 함께 고민해 줄 정형외과 연구팀과의 공동개발을 원합니다. "
    "퇴행성 관절염 환자의 MRI 연골 평가 경험이 있으면 좋겠습니다.",
    "cd|orthopedics|cell"),
  C("en", "Orthopaedic cartilage regeneration research group",
    "The knee and sports medicine division performs 1,200 arthroscopic procedures a year and leads translational research on cartilage repair, including cell-based and scaffold-based approaches. "
    "We use quantitative MRI (T2 mapping, MOCART scoring) and second-look arthroscopy to evaluate repair tissue in osteoarthritis patients. "
    "The group welcomes co-development with biotech companies from large-animal work to first-in-human trials.",
    "cd,ct|orthopedics|cell"),
  [C("ko", "척추 유합 케이지 임상 평가",
     "척추센터에서 요추 유합술을 연간 900건 시행하며 3D 프린팅 티타늄 케이지의 임상 평가를 수행했습니다.",
     "cv|orthopedics|dev"),
   C("ko", "회전근개 봉합 후 힘줄 치유 연구",
     "어깨관절 클리닉에서 회전근개 봉합술 후 힘줄 치유를 촉진하는 패치와 주사제 연구를 진행하고 있습니다. "
     "수술 후 MRI로 재파열 여부를 정량 평가합니다.",
     "cd|orthopedics|bio")])

Q("ko", "Tracer Genomics (트레이서지노믹스)", "Seoul",
  "암 환자 맞춤형 액체생검 검사를 개발하는 유전체 진단 기업입니다.",
  N("ko", "대장암 액체생검(ctDNA) 검증용 혈장 및 조직 검체",
    "수술 후 미세잔존질환(MRD)을 혈액으로 추적하는 맞춤형 ctDNA 검사를 개발했습니다. "
    "대장암 수술 환자의 종양 조직과 수술 전후 연속 채취한 혈장, 그리고 재발 여부를 포함한 추적 자료가 필요합니다. "
    "최소 200명 규모의 검체를 분양받을 수 있는 바이오뱅크를 찾습니다.",
    "da,cv|oncology,gastroenterology|dx"),
  C("en", "Colorectal cancer biobank with serial plasma and outcome data",
    "The hospital biobank has collected matched tumour tissue, normal mucosa and serial plasma (before surgery, at day 30 and every 3–6 months afterwards) from more than 1,500 patients operated on for colon and rectal cancer. "
    "Recurrence, CEA levels and CT follow-up are curated by the colorectal surgery team for up to five years. "
    "Samples are distributed through the national biobank network review process.",
    "da|oncology,gastroenterology|dx"),
  [C("ko", "조기위암 내시경 영상 AI 공동개발",
     "소화기내과에서 조기위암 내시경 영상 5만 장과 병리 결과를 확보해 병변 검출 AI를 개발하고 있으며 기업 공동개발을 희망합니다.",
     "cd,da|oncology,gastroenterology|ai"),
   C("ko", "간세포암 절제 조직 및 혈청 바이오뱅크",
     "간세포암 절제술을 받은 환자 800명의 종양 조직과 혈청을 보관하고 있으며 B형간염 동반 여부 등 임상정보가 연결되어 있습니다.",
     "da|oncology|dx")])

Q("ko", "Gaitwise (게이트와이즈)", "Busan",
  "관성센서 기반 보행 분석 웨어러블을 개발하는 기업입니다.",
  N("ko", "파킨슨병 보행 분석 웨어러블 센서 임상 검증",
    "발목과 허리에 착용하는 관성센서(IMU)로 보폭, 보행 동결 등을 측정하는 기기를 개발했습니다. "
    "파킨슨병 환자를 대상으로 3차원 동작분석실 결과 및 UPDRS 점수와 비교하는 검증 연구가 필요합니다. "
    "약효가 있을 때와 없을 때(on/off) 모두 평가할 수 있으면 좋겠습니다.",
    "cv|neurology|dev,dh"),
  C("en", "Movement disorders clinic with a clinical gait laboratory",
    "Our movement disorders team follows about 2,500 people with Parkinson's disease and runs a motion analysis lab with optical 3D capture, force plates and an instrumented walkway. "
    "MDS-UPDRS is rated in both medication-on and practically-defined off states, and freezing episodes are rated from video by trained neurologists. "
    "We have validated two commercial inertial sensor systems against lab measurements.",
    "cv|neurology|dev"),
  [C("ko", "본태떨림 집속초음파 치료 및 떨림 정량화",
     "신경외과에서 MR 유도 집속초음파(MRgFUS)로 본태떨림 환자 200여 명을 치료했으며 손떨림 정량화 연구를 수행하고 있습니다.",
     "ct|neurology|dev")])

Q("ko", "Nephrix (네프릭스)", "Seoul",
  "신장질환 치료제를 개발하는 임상 단계 제약사입니다.",
  N("ko", "혈액투석 환자 고칼륨혈증 치료제 3상 임상 기관",
    "칼륨 결합 신약의 국내 3상에서 유지 혈액투석 환자를 대상으로 투석 간 고칼륨혈증 개선 효과를 평가하려고 합니다. "
    "인공신장실 규모가 크고 투석 전 채혈 일정을 관리할 수 있는 신장내과가 필요합니다.",
    "ct|nephrology|sm"),
  C("en", "Haemodialysis unit for phase III trials in end-stage kidney disease",
    "The Division of Nephrology operates a 60-station haemodialysis unit caring for about 350 maintenance dialysis patients, many of whom have recurrent pre-dialysis hyperkalaemia. "
    "The team has completed phase III studies of phosphate binders, anaemia drugs and potassium binders, with pre-dialysis blood draws scheduled by dedicated research nurses. "
    "Serum electrolytes are run in-house with same-day turnaround.",
    "ct|nephrology|sm"),
  [C("ko", "신장이식 면역억제제 임상",
     "장기이식센터에서 연간 250건의 신장이식을 시행하며 면역억제제 최적화와 거부반응 바이오마커 임상을 진행합니다.",
     "ct|nephrology|sm,bio"),
   C("ko", "과민성방광 및 야간뇨 임상",
     "비뇨의학과 배뇨장애 클리닉에서 과민성방광과 야간뇨 환자 대상 약물 3상을 여러 건 수행했으며 배뇨일지 전자화 경험이 있습니다.",
     "ct|urology|sm")])

Q("ko", "Metabolix (메타볼릭스)", "Gyeonggi",
  "펩타이드 경구화 플랫폼을 보유한 대사질환 신약 개발사입니다.",
  N("ko", "경구용 GLP-1 비만치료제 2상 임상시험 실시기관",
    "펩타이드 경구 흡수 기술을 적용한 GLP-1 수용체 작용제로 체중 감량 효과를 확인하는 2상을 준비하고 있습니다. "
    "BMI 30 이상 환자를 26주간 추적하며 체성분(DEXA)과 대사 지표를 측정할 수 있는 내분비내과나 비만클리닉이 필요합니다.",
    "ct|endocrinology|sm"),
  C("en", "Obesity and metabolism clinic for weight-management drug trials",
    "The Obesity and Metabolic Disease Clinic sees over 4,000 adults with obesity every year, including patients referred for pharmacotherapy and bariatric surgery assessment. "
    "Our clinical research unit has DEXA body composition scanning, indirect calorimetry and standardised meal-test facilities. "
    "Investigators have led phase II and III trials of incretin-based therapies and can run 26- to 72-week protocols.",
    "ct|endocrinology|sm,bio"),
  [C("ko", "고도비만 대사수술 후 장기 추적 코호트",
     "위소매절제술과 루와이 우회술을 받은 환자 1,100명의 체중, 당뇨 관해, 영양 상태를 5년 이상 추적한 자료가 있습니다.",
     "da|endocrinology,gastroenterology|"),
   C("ko", "갑상선안병증 생물학적제제 임상",
     "갑상선클리닉에서 그레이브스병 환자를 다수 진료하며 갑상선안병증 대상 생물학적제제 3상 임상을 수행했습니다.",
     "ct|endocrinology,ophthalmology|bio")])

Q("ko", "Strokeline Medical (스트로크라인메디칼)", "Gyeonggi",
  "뇌혈관 중재시술용 카테터를 개발하는 의료기기 기업입니다.",
  N("ko", "급성 뇌졸중 혈전제거용 흡인 카테터 확증 임상",
    "대혈관 폐색 뇌경색 환자를 위한 대구경 흡인 카테터를 개발했고 식약처 확증 임상을 앞두고 있습니다. "
    "24시간 혈관조영 시술이 가능하고 연간 동맥내 혈전제거술 건수가 많은 신경중재 전문 팀이 필요합니다. "
    "재관류 등급(TICI)을 독립적으로 판정하는 코어랩 운영 경험이 있으면 좋겠습니다.",
    "ct|neurology|dev"),
  C("en", "Comprehensive stroke center for endovascular device trials",
    "Our comprehensive stroke center performs about 400 mechanical thrombectomies a year with a 24/7 neurointerventional team and two biplane angiography suites. "
    "We have enrolled patients in pivotal trials of stent retrievers and aspiration catheters and run an imaging core lab that adjudicates eTICI reperfusion grades for multicentre studies. "
    "Door-to-puncture times and 90-day mRS are tracked prospectively.",
    "ct|neurology|dev"),
  [C("ko", "뇌동맥류 코일 색전술 및 유동전환 스텐트",
     "신경외과 뇌혈관팀이 비파열 뇌동맥류 코일 색전술과 유동전환 스텐트 시술을 연간 600건 시행하며 관련 의료기기 임상을 수행합니다.",
     "ct|neurology|dev")])

Q("ko", "Mindwave (마인드웨이브)", "Seoul",
  "신경조절 의료기기를 개발하는 기업입니다.",
  N("ko", "치료저항성 우울증 경두개자기자극(TMS) 기기 임상",
    "세타버스트 자극 프로토콜을 적용한 국산 TMS 장비를 개발했습니다. "
    "항우울제 2종 이상에 반응하지 않은 우울증 환자를 대상으로 가짜자극 대조 임상을 진행할 정신건강의학과가 필요합니다. "
    "신경조절치료를 이미 운영하는 병원을 우선 검토합니다.",
    "ct|psychiatry|dev"),
  C("en", "Neuromodulation clinic for treatment-resistant depression",
    "The psychiatry department runs an interventional psychiatry unit offering repetitive transcranial magnetic stimulation, intermittent theta-burst stimulation, ECT and esketamine for patients who have failed several antidepressants. "
    "About 250 patients a year complete neuronavigated magnetic stimulation courses, with HAM-D and MADRS rated by blinded raters. "
    "We have experience with sham-coil controlled device studies.",
    "ct|psychiatry|dev"),
  [C("ko", "조현병 장기지속형 주사제 임상",
     "정신건강의학과 병동과 외래에서 조현병 환자를 대상으로 장기지속형 항정신병 주사제 3상을 수행한 경험이 있습니다.",
     "ct|psychiatry|sm")])

Q("ko", "Pulse Labs (펄스랩스)", "Seoul",
  "수술실 감염관리 제품을 개발하는 창업 1년 차 스타트업입니다.",
  N("ko", "초기 의료기기 스타트업을 위한 임상 멘토링과 병원 내 입주 공간",
    "창업 1년 차 의료기기 스타트업으로 수술실 감염관리 아이디어를 제품으로 만들고 있습니다. "
    "현장 의료진에게 정기적으로 피드백을 받고 병원 안에서 사용성 테스트를 해 볼 수 있는 창업 지원 프로그램을 찾습니다. "
    "가능하면 후속 투자 연계도 받고 싶습니다.",
    "mt,iv||dev"),
  C("en", "Hospital-based startup incubator with clinician mentors",
    "Our Medical Innovation Hub hosts 20 early-stage health startups on the hospital campus, offering office space, a prototyping workshop and a pool of 80 clinician mentors from surgery, nursing and infection control. "
    "Resident companies can run usability sessions in simulation wards and are introduced to partner venture capital funds at quarterly demo days.",
    "mt,iv,fu||dev,dh"),
  [C("ko", "교원창업 바이오벤처 시드 투자 및 기술이전",
     "대학 산학협력단 산하 기술지주회사가 소속 교수의 바이오 창업 기업에 시드 단계 투자를 집행하고 특허 기술이전 계약을 지원합니다.",
     "iv,li||bio"),
   C("ko", "의료기기 사용성 평가 시험실",
     "인간공학 기반 의료기기 사용성 평가(IEC 62366) 시험을 수행하는 시뮬레이션 랩을 운영하며 형성평가와 총괄평가 보고서를 작성해 드립니다.",
     "cv||dev")])

Q("ko", "Aegis Biologics (이지스바이오로직스)", "Incheon",
  "자가면역질환 항체 치료제를 개발하는 바이오 기업입니다.",
  N("ko", "류마티스관절염 치료용 항체 후보물질 기술 도입(라이선스 인)",
    "자가면역질환 파이프라인 확장을 위해 대학이나 병원 연구실에서 발굴한 전임상 단계 항체를 도입하려 합니다. "
    "류마티스관절염 동물모델에서 효능이 확인된 신규 표적 항체면 좋고, 특허 출원이 완료된 기술을 선호합니다.",
    "li|rheumatology|bio"),
  C("en", "Licensing opportunity: antibody against a novel arthritis target",
    "The university technology licensing office offers exclusive or co-exclusive rights to a humanised monoclonal antibody against a synovial fibroblast target discovered in our rheumatology laboratory. "
    "In collagen-induced arthritis mice it reduced joint swelling and bone erosion as well as anti-TNF therapy did. "
    "PCT applications were filed in 2024 and the inventors are open to sponsored research for IND-enabling studies.",
    "li|rheumatology|bio"),
  [C("ko", "전신홍반루푸스 바이오마커 연구",
     "류마티스내과에서 루푸스 환자 900명의 혈청과 임상 자료를 축적해 질병 활성도 바이오마커를 연구하고 있습니다.",
     "da|rheumatology|dx"),
   C("ko", "골다공증 치료 펩타이드 기술이전",
     "골형성을 촉진하는 펩타이드 후보물질에 대한 국내외 특허를 보유하고 있으며 난소절제 쥐 모델에서 골밀도 개선을 확인했습니다. "
     "제약사 대상 기술이전을 추진하고 있습니다.",
     "li|orthopedics|sm")],
  inst_kind="university")

Q("ko", "Breathon Pharma (브리던파마)", "Seoul",
  "호흡기 흡입제 개량신약을 개발하는 제약사입니다.",
  N("ko", "만성폐쇄성폐질환(COPD) 흡입제 3상 임상 참여 병원",
    "3제 복합 흡입제의 국내 3상에서 중등도 이상 COPD 환자를 52주간 추적하며 급성악화 빈도를 평가합니다. "
    "폐기능검사실을 갖추고 COPD 환자를 많이 진료하는 호흡기내과를 찾습니다.",
    "ct|respiratory|sm"),
  C("en", "Pulmonology site with a large obstructive lung disease cohort",
    "The Division of Pulmonary Medicine follows about 3,000 patients with chronic obstructive pulmonary disease and keeps a prospective cohort with yearly spirometry, CT and exacerbation records. "
    "Our ATS/ERS-standard lung function lab performs body plethysmography and DLCO. "
    "We have taken part in twelve phase III inhaler trials with 52-week exacerbation endpoints.",
    "ct,da|respiratory|sm"),
  [C("ko", "소아 천식 흡입제 순응도 연구",
     "소아알레르기호흡기 클리닉에서 천식 아동 1,000명을 진료하며 흡입 스테로이드 순응도와 스마트 흡입기 연구를 수행합니다.",
     "ct|respiratory,pediatrics|"),
   C("ko", "특발성 폐섬유증 코호트",
     "간질성 폐질환 클리닉에서 특발성 폐섬유증 환자 600명의 고해상도 CT와 폐기능 추이를 추적하고 있으며 항섬유화제 임상 경험이 있습니다.",
     "da,ct|respiratory|")])

Q("ko", "Opsigen (옵시젠)", "Seoul",
  "유전성 안질환 AAV 유전자치료제를 개발하는 바이오텍입니다.",
  N("ko", "유전성 망막질환 유전자치료 자연경과 연구 협력",
    "망막색소변성 원인 유전자 중 하나를 표적하는 AAV 유전자치료제를 개발하고 있습니다. "
    "임상 진입 전에 원인 유전자가 확인된 환자의 시력, 망막전위도(ERG), OCT 변화 추이를 보는 자연경과 연구가 필요합니다. "
    "유전자 패널 검사를 시행하는 망막 클리닉과 협력하고 싶습니다.",
    "ct,da|ophthalmology,rare_disease|gene"),
  C("en", "Inherited retinal dystrophy clinic with a genotyped cohort",
    "Our retina service has genotyped over 800 patients with inherited retinal dystrophies, including retinitis pigmentosa, Stargardt disease and Leber congenital amaurosis, using a 300-gene panel and exome sequencing. "
    "Patients undergo serial full-field electroretinography, optical coherence tomography, fundus autofluorescence and microperimetry. "
    "We can host prospective natural history studies and have previously served as a gene therapy trial site.",
    "ct,da|ophthalmology,rare_disease|gene"),
  [C("ko", "습성 황반변성 항VEGF 주사제 임상",
     "습성 나이관련황반변성 환자 대상 바이오시밀러와 신규 항VEGF 주사제 3상 임상을 다수 수행했습니다.",
     "ct|ophthalmology|bio"),
   C("ko", "안구건조증 점안제 임상",
     "각막·외안부 클리닉에서 안구건조증 환자 대상 점안제 2상, 3상 임상을 수행한 경험이 있습니다.",
     "ct|ophthalmology|sm")])

Q("ko", "Resistome Therapeutics (레지스톰)", "Daejeon",
  "다제내성균 감염 치료용 항생제를 개발하는 바이오 기업입니다.",
  N("ko", "카바페넴 내성 그람음성균 임상 분리주 분양",
    "카바페넴 내성 장내세균(CRE)과 아시네토박터를 표적하는 신규 항생제의 효능 평가를 위해 최근 국내 임상 분리주가 필요합니다. "
    "내성 유전자형(KPC, NDM, OXA-48 등)이 확인된 균주 200주 이상을 원하며, 가능하면 분리 부위와 환자 정보도 함께 받고 싶습니다.",
    "da|infectious_disease|sm"),
  C("en", "Clinical microbiology strain bank for antimicrobial resistance research",
    "The Department of Laboratory Medicine maintains more than 5,000 multidrug-resistant clinical isolates collected since 2012, including carbapenem-resistant Enterobacterales and Acinetobacter baumannii. "
    "Each isolate is characterised by carbapenemase genotype and MIC profile, with specimen site and basic de-identified patient data. "
    "Isolates are distributed under MTA for antibiotic discovery and diagnostic development.",
    "da|infectious_disease|sm,dx"),
  [C("ko", "침습성 진균감염 조기진단 연구",
     "혈액암 환자의 침습성 아스페르길루스증 조기 진단을 위한 혈청 갈락토만난 검사와 PCR 진단법 연구를 진행합니다.",
     "cv|infectious_disease,hematology|dx"),
   C("ko", "의료관련감염 감시 자료",
     "원내 감염관리실에서 10년간의 의료관련감염 감시 자료와 손위생 모니터링 데이터를 축적해 왔으며 연구 목적 활용이 가능합니다.",
     "da|infectious_disease|")])

# ===========================================================================
# Queries whose need is written in ENGLISH (answer capability in Korean)
# ===========================================================================
Q("en", "Conjugon Therapeutics (컨쥬곤)", "Seoul",
  "Antibody-drug conjugate developer with a Boston and Seoul presence.",
  N("en", "Phase 2 sites for a HER2-targeted ADC in metastatic breast cancer",
    "We are developing a next-generation HER2 antibody-drug conjugate and plan a global phase 2 study that will include Korean sites. "
    "We need breast oncology teams who treat many HER2-positive and HER2-low metastatic patients and can collect on-treatment biopsies. "
    "Experience managing interstitial lung disease as an ADC toxicity would be valuable.",
    "ct|oncology|bio"),
  C("ko", "HER2 양성 전이성 유방암 항체약물접합체 임상 수행",
    "유방암센터 종양내과는 매년 HER2 양성 및 HER2 저발현 전이성 유방암 환자 500여 명을 진료하고 있습니다. "
    "최근 5년간 항체약물접합체 2상·3상 임상 8건에 참여했으며 치료 중 조직생검 채취 프로토콜을 운영합니다. "
    "약제 관련 간질성 폐질환은 호흡기내과와의 협진 체계로 조기에 진단하고 관리합니다.",
    "ct|oncology|bio"),
  [C("en", "Breast reconstruction and lymphoedema research",
     "Our plastic surgery team performs 700 breast reconstructions a year and runs a lymphoedema microsurgery programme. "
     "We have studied acellular dermal matrix products and supermicrosurgical lymphaticovenular anastomosis.",
     "cv|oncology|dev"),
   C("en", "Early breast cancer adjuvant endocrine therapy cohort",
     "We maintain a cohort of 6,000 hormone receptor-positive early breast cancer patients on adjuvant endocrine therapy, with adherence and bone density data. "
     "It is used for real-world evidence studies with pharmaceutical partners.",
     "da|oncology|sm")])

Q("en", "PathoVision (패쏘비전)", "Seoul",
  "Computational pathology company building AI for cancer grading.",
  N("en", "Digitised prostate biopsy slides for AI Gleason grading",
    "Our deep learning model grades prostate needle biopsies and we need a Korean dataset for local validation and the MFDS submission. "
    "We are looking for whole-slide images scanned at 40x with Gleason / ISUP grade group annotations, ideally with radical prostatectomy outcomes for a subset. "
    "A pathology department willing to co-author a validation study is preferred.",
    "da,cv|oncology,urology|ai"),
  C("ko", "전립선 침생검 디지털 병리 슬라이드 아카이브",
    "병리과는 2019년부터 모든 슬라이드를 스캐너로 디지털화하는 디지털 병리 시스템을 운영하고 있으며, 전립선 생검 슬라이드 약 2만 장이 40배율로 저장되어 있습니다. "
    "비뇨병리 전문의가 글리슨 점수와 국제비뇨병리학회 등급군을 판정했고, 일부는 근치적 전립선절제술 병리 결과와 연결됩니다. "
    "인공지능 모델 검증을 위한 공동연구와 데이터 제공이 가능합니다.",
    "da,cv|oncology,urology|ai"),
  [C("en", "Multiparametric prostate MRI dataset",
     "Radiology holds 9,000 multiparametric prostate MRI examinations with PI-RADS scores and MRI-targeted biopsy results. "
     "The dataset is available for lesion detection and segmentation research.",
     "da|oncology,urology|ai"),
   C("en", "Digitised breast cancer HER2 immunohistochemistry archive",
     "Our pathology lab has scanned 12,000 breast cancer core biopsies with HER2 and Ki-67 immunohistochemistry scores. "
     "We collaborate on image analysis tools for biomarker scoring.",
     "da|oncology|ai")])

Q("en", "Glucosense (글루코센스)", "Gyeonggi",
  "Developer of factory-calibrated continuous glucose sensors.",
  N("en", "Clinical accuracy study for a new continuous glucose monitor",
    "We have developed a 15-day factory-calibrated CGM sensor and need a clinical site to run an in-clinic accuracy study against venous reference measurements on a laboratory glucose analyser. "
    "The study will enrol adults with type 1 and type 2 diabetes, including sessions with induced glucose excursions. "
    "We need an endocrinology team with a clinical research unit able to host long supervised visits.",
    "cv,ct|endocrinology|dev"),
  C("ko", "연속혈당측정기 정확도 임상시험 수행",
    "내분비내과 당뇨병센터는 제1형·제2형 당뇨병 환자를 대상으로 연속혈당측정기의 정확도(평균 절대 상대 오차) 평가 임상을 3건 수행했습니다. "
    "임상시험센터 입원형 관찰실에서 8~12시간 동안 15분 간격으로 정맥혈을 채취해 기준 혈당분석기로 측정할 수 있습니다. "
    "식사 부하와 인슐린 조절로 고혈당·저혈당 구간을 유도하는 프로토콜 경험이 있습니다.",
    "cv,ct|endocrinology|dev"),
  [C("en", "Gestational diabetes pregnancy cohort",
     "Our maternal-fetal medicine unit follows 1,500 pregnancies a year complicated by gestational diabetes, with oral glucose tolerance test results and neonatal outcomes. "
     "Data are available for research collaborations.",
     "da|endocrinology,reproductive_medicine|"),
   C("en", "Type 2 diabetes oral drug trial site",
     "The endocrinology department has run 20 phase III trials of oral glucose-lowering drugs such as SGLT2 and DPP-4 inhibitors in type 2 diabetes, and has a large HbA1c-tracked outpatient population.",
     "ct|endocrinology|sm")])

Q("en", "EchoMind AI (에코마인드)", "Seoul",
  "AI company automating cardiac ultrasound measurements.",
  N("en", "Echocardiography video dataset for automated heart function AI",
    "We build AI that measures ejection fraction and detects valvular disease from echocardiogram clips. "
    "We need access to a large de-identified set of transthoracic echo studies in DICOM with the reporting cardiologist's measurements, and a partner to run a prospective reader study later.",
    "da,cv|cardiology|ai"),
  C("ko", "심초음파 영상 및 판독 데이터 제공",
    "심장영상센터에는 2010년 이후 촬영한 경흉부 심초음파 검사 약 40만 건이 DICOM 동영상으로 보관되어 있습니다. "
    "좌심실 구혈률, 판막 협착·역류 정도 등 심장내과 전문의의 계측값이 구조화된 판독문과 연결되어 있습니다. "
    "비식별화 후 병원 내부 분석 환경에서 AI 학습용으로 제공할 수 있고 전향적 검증 연구도 가능합니다.",
    "da,cv|cardiology|ai"),
  [C("en", "Coronary CT angiography plaque dataset",
     "The cardiovascular imaging lab holds 30,000 coronary CT angiography scans, with invasive FFR results for a subset. "
     "They are available for AI plaque-analysis projects.",
     "da|cardiology|ai"),
   C("en", "Resting 12-lead ECG archive",
     "We have an archive of two million digital 12-lead ECG tracings linked to discharge diagnoses, used for AI models that detect arrhythmias and electrolyte disturbances.",
     "da|cardiology|ai")])

Q("en", "IsoTrace Pharma (아이소트레이스)", "Daejeon",
  "Radiopharmaceutical start-up developing PET imaging agents.",
  N("en", "Cyclotron and GMP hot lab for PET tracer clinical supply",
    "We are developing a fluorine-18 labelled PET tracer for imaging tumour hypoxia and need a partner to manufacture clinical batches for a phase 1 imaging study in Korea. "
    "Access to a medical cyclotron, automated synthesis modules in shielded hot cells and a radiopharmaceutical GMP quality system is essential.",
    "fu|oncology|rp"),
  C("ko", "사이클로트론 및 방사성의약품 GMP 제조시설 공동 활용",
    "핵의학과는 의료용 사이클로트론 2기와 차폐 핫셀 내 자동합성장치를 갖춘 방사성의약품 제조소를 운영하며 식약처 GMP 적합 판정을 받았습니다. "
    "F-18, Ga-68 표지 신규 추적자의 임상시험용 의약품 생산을 외부 기업과 함께 진행한 경험이 있습니다. "
    "품질관리 시험과 출하 승인 인력을 지원합니다.",
    "fu|oncology|rp"),
  [C("en", "Clinical PET/CT imaging core for oncology trials",
     "Our nuclear medicine department performs 15,000 PET/CT scans a year and offers centralised image reading for multicentre oncology trials using FDG and PSMA tracers.",
     "ct|oncology|"),
   C("en", "Proton therapy center",
     "The proton therapy center treats paediatric and skull-base tumours and collaborates with industry on dosimetry and treatment-planning software research.",
     "ct|oncology|dev")])

Q("en", "Neuralert (뉴럴러트)", "Seoul",
  "Wearable EEG company focused on epilepsy.",
  N("en", "Long-term video-EEG recordings to train a seizure detection algorithm",
    "We are building a behind-the-ear EEG wearable that detects seizures at home. "
    "To train and test our algorithm we need annotated long-term video-EEG monitoring recordings with seizure onset and offset marked by epileptologists, covering focal and generalised seizures. "
    "Later we would like to run simultaneous recordings with our device during monitoring-unit admissions.",
    "da,cv|neurology|ai,dev"),
  C("ko", "뇌전증 집중감시실 비디오뇌파 데이터",
    "뇌전증센터는 비디오-뇌파 집중감시 병상 6개를 운영하며 연간 600건의 장기 감시 검사를 시행합니다. "
    "2015년 이후 누적 4,000건 이상의 원시 뇌파 파일에 뇌전증 전문의가 발작 시작·종료 시점과 발작 유형을 표시해 두었습니다. "
    "입원 중 웨어러블 기기를 동시에 착용하는 비교 연구도 협의할 수 있습니다.",
    "da,cv|neurology|ai"),
  [C("en", "Polysomnography data archive",
     "Our sleep lab archive contains 20,000 overnight polysomnography studies with expert sleep staging and respiratory event scoring, used for sleep apnoea algorithm development.",
     "da|neurology,respiratory|ai"),
   C("en", "Migraine headache registry",
     "The headache clinic registry includes 3,000 migraine patients with electronic headache diaries and is used for CGRP-targeted therapy outcome studies.",
     "da|neurology|")])

Q("en", "Hairgen Bio (헤어젠바이오)", "Gyeonggi",
  "Small-molecule company targeting hair follicle regeneration.",
  N("en", "Clinical trial site for a topical treatment of androgenetic alopecia",
    "Our small-molecule topical solution targets hair follicle stem cell activation, and we plan a 24-week phase 2 in men and women with androgenetic alopecia. "
    "We need a dermatology hair clinic with phototrichogram capability for hair count and thickness endpoints, and good access to patients not currently on finasteride or minoxidil.",
    "ct|dermatology|sm"),
  C("ko", "탈모 클리닉 임상시험 수행",
    "피부과 모발클리닉은 남성형·여성형 탈모 환자를 연간 5,000명 이상 진료합니다. "
    "포토트리코그램과 표준화 두피 촬영 장비로 모발 밀도와 굵기를 정량 평가하며, 탈모 외용제와 경구제 임상 6건을 수행했습니다. "
    "기존 치료를 중단하고 휴약기를 거친 환자를 등록한 경험이 있습니다.",
    "ct|dermatology|sm"),
  [C("en", "Vitiligo phototherapy and topical trial experience",
     "Our pigmentary disorders clinic treats 2,000 vitiligo patients with narrowband UVB and excimer laser and has run trials of topical agents for repigmentation.",
     "ct|dermatology|sm"),
   C("en", "Acne scar laser device studies",
     "The laser and cosmetic dermatology unit validates energy-based devices such as fractional CO2 and picosecond lasers for acne scars and pigmentation.",
     "cv|dermatology|dev")])

Q("en", "Fibrocure (파이브로큐어)", "Seoul",
  "Diagnostics company developing blood tests for chronic liver disease.",
  N("en", "Biopsy-proven MASH cohort for a noninvasive fibrosis test",
    "We are validating a blood-based panel to stage liver fibrosis in metabolic dysfunction-associated steatohepatitis (formerly NASH). "
    "We need serum collected within six months of a liver biopsy, with histology scored for NAS and fibrosis stage, plus elastography results if available. "
    "Around 400 patients across F0–F4 would be ideal.",
    "da,cv|gastroenterology,endocrinology|dx"),
  C("ko", "조직검사로 확진된 지방간염 코호트",
    "소화기내과 간질환 연구팀은 간생검으로 진단된 대사이상 지방간질환 환자 650명의 코호트를 운영하고 있습니다. "
    "생검 전후 3개월 이내의 혈청을 보관하고 있으며, 병리 전문의가 지방간염 활성도 점수와 섬유화 단계(0~4단계)를 판정했습니다. "
    "대부분의 환자에서 간섬유화스캔과 MR 탄성영상 결과도 확보되어 있습니다.",
    "da,cv|gastroenterology|dx"),
  [C("en", "Liver transplant outcomes programme",
     "Our liver transplant center performs 300 transplants a year, many from living donors, and collaborates on immunosuppression and graft outcome studies.",
     "ct|gastroenterology|"),
   C("en", "Chronic hepatitis B antiviral trials",
     "The hepatology unit follows 8,000 chronic hepatitis B patients and has run trials of nucleos(t)ide analogues and functional-cure candidates.",
     "ct|gastroenterology,infectious_disease|sm")])

Q("en", "Rehabotics (리해보틱스)", "Daegu",
  "Rehabilitation robotics company.",
  N("en", "Clinical validation of an upper-limb rehabilitation robot after stroke",
    "Our end-effector robot provides gamified arm and wrist training for stroke survivors. "
    "We want a randomised study comparing robot-assisted therapy with conventional occupational therapy in subacute stroke, using Fugl-Meyer upper-extremity scores. "
    "A rehabilitation medicine department with an inpatient stroke rehab ward is needed.",
    "cv,ct|neurology|dev"),
  C("ko", "뇌졸중 환자 상지 재활 로봇 임상 연구",
    "재활의학과 뇌졸중 재활병동(60병상)에서 아급성기 환자를 대상으로 팔과 손 기능 회복 연구를 진행하고 있습니다. "
    "작업치료사와 재활의학과 전문의가 Fugl-Meyer, 박스앤블록 검사 등 표준 평가를 수행하며, 로봇 보조 치료와 기존 작업치료를 비교한 무작위 배정 연구 경험이 있습니다.",
    "cv,ct|neurology|dev"),
  [C("en", "Exoskeleton gait training for spinal cord injury",
     "Our rehabilitation hospital uses powered lower-limb exoskeletons for gait training in 150 spinal cord injury patients a year and evaluates new devices for walking recovery.",
     "cv|neurology|dev"),
   C("en", "Cardiac rehabilitation programme",
     "We run outpatient cardiac rehabilitation with supervised exercise for 600 post-infarction patients a year and are interested in home-based digital rehabilitation.",
     "cd|cardiology|dh")])

Q("en", "Myoflex Therapeutics (마이오플렉스)", "Incheon",
  "Biologics developer for age-related muscle disease.",
  N("en", "Community elderly cohort data on sarcopenia for target validation",
    "We are developing a myostatin-pathway biologic for age-related muscle loss and need population data to define the target patient group. "
    "We are looking for a cohort of older adults with repeated measurements of grip strength, gait speed and DXA appendicular lean mass, ideally with stored blood samples.",
    "da|geriatrics|bio"),
  C("ko", "지역사회 노인 근감소증 코호트",
    "가정의학과와 노년내과가 공동 운영하는 지역사회 거주 70세 이상 노인 코호트(약 2,400명)는 2년마다 악력, 보행속도, 의자 일어서기 검사와 이중에너지 X선 흡수계측법으로 사지근육량을 측정합니다. "
    "매 조사 시점의 혈액 검체가 바이오뱅크에 보관되어 있으며 낙상, 입원, 사망 등 예후 자료가 연계되어 있습니다.",
    "da|geriatrics|"),
  [C("en", "Hip fracture registry in older adults",
     "Our orthopaedic registry includes 5,000 hip fracture patients aged 65 and over, with surgery type, bone density and one-year mortality.",
     "da|orthopedics,geriatrics|"),
   C("en", "Pre-operative geriatric assessment programme",
     "All surgical patients over 75 receive a comprehensive geriatric assessment including frailty index and delirium risk, and outcomes are tracked for research.",
     "da|geriatrics|")])

Q("en", "MycoDetect (마이코디텍트)", "Gyeonggi",
  "Molecular diagnostics company for respiratory infections.",
  N("en", "Sputum samples from tuberculosis patients for a rapid molecular test",
    "Our cartridge-based test detects Mycobacterium tuberculosis and rifampicin resistance in under an hour. "
    "For clinical performance evaluation we need fresh or frozen sputum from patients with culture-confirmed pulmonary TB, including drug-resistant cases, plus culture-negative controls.",
    "cv,da|infectious_disease,respiratory|dx"),
  C("ko", "결핵 환자 객담 검체 및 배양 결과 제공",
    "결핵 전문 진료 기관으로 연간 1,000명 이상의 폐결핵 환자를 진단하며 다제내성 결핵 환자 비율이 높습니다. "
    "모든 객담 검체에 액체·고체 배양과 약제감수성 검사를 시행하고, 잔여 검체를 -70°C에 보관해 체외진단기기 성능평가에 제공합니다. "
    "배양 음성 대조군 검체도 함께 확보할 수 있습니다.",
    "cv,da|infectious_disease,respiratory|dx"),
  [C("en", "Respiratory virus swab repository",
     "The respiratory virus lab stores 20,000 nasopharyngeal swabs tested by multiplex PCR for SARS-CoV-2, influenza and other viruses, available for diagnostic performance studies.",
     "da,cv|infectious_disease|dx"),
   C("en", "Community-acquired pneumonia antibiotic trials",
     "Pulmonology and infectious diseases jointly run antibiotic trials in adults hospitalised with community-acquired pneumonia.",
     "ct|infectious_disease,respiratory|sm")])

Q("en", "Playmind (플레이마인드)", "Seoul",
  "Digital therapeutics company for children's mental health.",
  N("en", "Paediatric trial site for a game-based ADHD digital therapeutic",
    "Our tablet game trains attention control in children aged 6–12 with ADHD and we are preparing a confirmatory randomised trial for MFDS approval. "
    "We need a child and adolescent psychiatry department that diagnoses ADHD with structured interviews and can measure outcomes with rating scales and a computerised attention test.",
    "ct|psychiatry,pediatrics|dh"),
  C("ko", "소아청소년 ADHD 디지털치료기기 임상 수행",
    "소아청소년정신건강의학과는 매년 ADHD로 새로 진단받는 아동 700명 이상을 K-SADS 구조화 면담으로 평가합니다. "
    "종합주의력검사(CAT)와 K-ARS 평가척도를 이용한 효과 평가 경험이 있고, 게임 기반 디지털 치료기기 탐색 임상에 참여했습니다. "
    "부모 교육 프로그램과 연계한 등록 체계를 운영하고 있습니다.",
    "ct|psychiatry,pediatrics|dh"),
  [C("en", "Autism early screening research",
     "Developmental paediatrics runs an autism early detection programme using eye-tracking and video-based screening in toddlers.",
     "cv|psychiatry,pediatrics|ai"),
   C("en", "Adult ADHD medication trials",
     "Our adult ADHD outpatient clinic has experience in stimulant and non-stimulant medication trials in adults aged 18–65.",
     "ct|psychiatry|sm")])

Q("en", "Audiora (오디오라)", "Seoul",
  "Hearing-health start-up with a smartphone fitting app.",
  N("en", "Audiology data and patients for an AI hearing-aid fitting app",
    "We developed a smartphone app that fits over-the-counter hearing aids using in-app tone tests and AI. "
    "We want to compare its fittings with audiologist fittings in adults with mild-to-moderate sensorineural hearing loss, and to access historical pure-tone audiograms for model tuning.",
    "cv,da|otolaryngology|ai,dev"),
  C("ko", "난청 클리닉 청력검사 데이터 및 보청기 적합 연구",
    "이비인후과 난청클리닉에는 순음청력검사와 어음청력검사 결과 약 15만 건이 구조화 데이터로 저장되어 있습니다. "
    "청각사가 상주하는 보청기 적합실에서 경도~중등도 감각신경성 난청 성인을 대상으로 보청기 비교 연구를 수행한 경험이 있습니다. "
    "스마트폰 기반 청력 선별 도구의 정확도 평가도 함께할 수 있습니다.",
    "cv,da|otolaryngology|dev"),
  [C("en", "Cochlear implant center",
     "We perform 120 cochlear implantations a year in children and adults and track speech perception outcomes for device studies.",
     "ct|otolaryngology|dev"),
   C("en", "Tinnitus sound therapy research",
     "Our tinnitus clinic evaluates sound therapy and bimodal neuromodulation devices in patients with chronic tinnitus.",
     "cv|otolaryngology|dev")])

Q("en", "Osteobridge (오스테오브릿지)", "Busan",
  "Maker of synthetic bone graft substitutes for dental and orthopaedic use.",
  N("en", "Clinical study of a synthetic bone graft for dental implant sites",
    "Our biphasic calcium phosphate granule is intended for sinus floor elevation and ridge preservation before implant placement. "
    "We need an oral and maxillofacial surgery team to run a comparative clinical study against xenograft, with CBCT volume measurements and histology from core biopsies taken at implant placement.",
    "ct,cv|dentistry|dev"),
  C("ko", "치과 임플란트 골이식재 임상시험",
    "치과병원 구강악안면외과는 연간 상악동 거상술 400건, 발치와 보존술 900건을 시행합니다. "
    "콘빔CT로 이식골 부피 변화를 계측하고 임플란트 식립 시 트레핀 코어 조직을 채취해 조직형태계측을 하는 프로토콜을 갖추고 있습니다. "
    "이종골·합성골 이식재 비교 임상 경험이 있습니다.",
    "ct,cv|dentistry|dev"),
  [C("en", "Orthodontic clear aligner research",
     "The orthodontics department evaluates clear aligner systems and digital treatment planning using intraoral scans.",
     "cv|dentistry|dev"),
   C("en", "Periodontitis saliva biobank",
     "Our periodontology lab stores saliva and gingival crevicular fluid from 1,200 patients with graded periodontitis for biomarker research.",
     "da|dentistry|dx")])

Q("en", "PancreaDx (판크레아디엑스)", "Seoul",
  "Early cancer detection company focused on pancreatic cancer.",
  N("en", "Serum from high-risk pancreatic cyst patients for early cancer detection",
    "We are developing a multi-marker blood test to detect pancreatic ductal adenocarcinoma early. "
    "We need serum or plasma from patients under surveillance for IPMN and other pancreatic cysts, including those who later progressed to cancer, with imaging and pathology follow-up.",
    "da,cv|oncology,gastroenterology|dx"),
  C("ko", "췌장 낭성 종양 추적관찰 코호트 혈액 검체",
    "췌담도센터는 췌관내유두점액종양 등 췌장 낭성 병변 환자 3,000여 명을 CT·MRI로 정기 추적하고 있습니다. "
    "2014년부터 추적 방문 때마다 혈청과 혈장을 바이오뱅크에 보관해 왔고, 추적 중 췌장암으로 진행한 환자 70여 명의 진행 전 검체가 포함되어 있습니다. "
    "수술 병리와 영상 소견이 연계되어 있어 조기진단 바이오마커 연구에 제공할 수 있습니다.",
    "da,cv|oncology,gastroenterology|dx"),
  [C("en", "Metastatic pancreatic cancer chemotherapy trials",
     "Medical oncology runs phase 3 trials in metastatic pancreatic cancer, including FOLFIRINOX-based combinations.",
     "ct|oncology|sm"),
   C("en", "Biliary stent evaluation in the endoscopy unit",
     "Our endoscopy unit performs 2,000 ERCPs a year and evaluates self-expanding metal biliary stents for malignant obstruction.",
     "cv|gastroenterology|dev")])

Q("en", "Adjuvantix (어쥬번틱스)", "Chungbuk",
  "Vaccine adjuvant developer.",
  N("en", "BSL-3 animal challenge studies for a vaccine adjuvant",
    "We have a novel TLR-agonist adjuvant and want to show protection in ferret and hamster challenge models with highly pathogenic respiratory viruses. "
    "We need an ABSL-3 facility with experience in virus challenge, viral load measurement and neutralising antibody assays.",
    "fu|infectious_disease|vac"),
  C("ko", "동물생물안전3등급 감염 동물실험",
    "의과대학 부설 생물안전3등급 연구시설은 페럿, 햄스터, 마우스를 이용한 호흡기 바이러스 감염(공격접종) 모델을 운영합니다. "
    "백신 후보물질 면역 후 바이러스 공격접종, 비강 세척액 바이러스 역가 측정, 중화항체 분석까지 일괄 수행합니다. "
    "외부 기업의 시설 이용과 위탁 연구가 가능합니다.",
    "fu|infectious_disease|vac"),
  [C("en", "Clinical immunology lab for vaccine trial samples",
     "We perform ELISpot, neutralisation and flow cytometry immunogenicity assays on human samples from vaccine trials under GCLP.",
     "cv|infectious_disease|vac")],
  inst_kind="university")

Q("en", "Myelocell Therapeutics (마이엘로셀)", "Seoul",
  "Allogeneic CAR-T developer.",
  N("en", "Clinical sites for a BCMA CAR-T trial in relapsed multiple myeloma",
    "We will start a phase 1/2 trial of an allogeneic BCMA-directed CAR-T in relapsed or refractory multiple myeloma. "
    "Sites need experience administering CAR-T products, managing cytokine release syndrome and ICANS, and access to apheresis and an ICU. "
    "A large myeloma patient volume is essential.",
    "ct|oncology,hematology|cell"),
  C("ko", "다발골수종 CAR-T 세포치료 임상 수행 기관",
    "혈액내과는 재발·불응성 다발골수종 환자를 연간 250명 이상 진료하며 상업용 및 임상시험용 CAR-T 투여를 60건 이상 시행했습니다. "
    "사이토카인방출증후군과 면역세포관련 신경독성 관리 프로토콜, 성분채집실, 중환자실 연계 체계를 갖추고 있습니다. "
    "B세포 성숙 항원(형질세포 표적) 치료제 1상 참여 경험이 있습니다.",
    "ct|oncology,hematology|cell"),
  [C("en", "Allogeneic stem cell transplantation programme",
     "Our BMT center performs 200 allogeneic transplants a year for acute leukaemia and runs GVHD prevention trials.",
     "ct|hematology|cell"),
   C("en", "Lymphoma bispecific antibody trials",
     "The lymphoma unit runs trials of CD20xCD3 bispecific antibodies in relapsed diffuse large B-cell lymphoma.",
     "ct|oncology,hematology|bio")])

Q("en", "Sonodx AI (소노디엑스)", "Gyeonggi",
  "Ultrasound AI start-up.",
  N("en", "Thyroid nodule ultrasound images with cytology results for AI training",
    "Our AI classifies thyroid nodules on ultrasound into risk categories. "
    "We need a labelled dataset of ultrasound images or cine loops with K-TIRADS categories and matched fine-needle aspiration cytology (Bethesda) and surgical pathology where available.",
    "da|endocrinology,oncology|ai"),
  C("ko", "갑상선 결절 초음파 영상 및 세포검사 결과 데이터",
    "갑상선센터 영상의학과는 연간 1만 건 이상의 갑상선 초음파와 세침흡인검사를 시행합니다. "
    "결절별 한국형 갑상선 결절 위험도 분류, 베데스다 세포진 결과, 수술 병리 결과가 연결된 약 3만 개 결절의 영상 데이터셋을 구축했습니다. "
    "인공지능 학습과 검증을 위한 공동연구 형태로 데이터를 활용할 수 있습니다.",
    "da|endocrinology,oncology|ai"),
  [C("en", "Breast ultrasound imaging archive",
     "Our breast imaging archive holds 50,000 ultrasound examinations with BI-RADS categories and biopsy results.",
     "da|oncology|ai"),
   C("en", "Thyroid surgery and nerve monitoring studies",
     "Endocrine surgery performs 2,500 thyroidectomies a year, including robotic approaches, and studies voice outcomes with intraoperative nerve monitoring devices.",
     "cv|oncology,endocrinology|dev")])

Q("en", "Valvora Medical (밸보라메디칼)", "Gyeonggi",
  "Structural heart device company.",
  N("en", "Implanting centres for a transcatheter aortic valve pivotal study",
    "Our self-expanding TAVR valve has completed first-in-human studies and we are planning a pivotal trial in patients with severe aortic stenosis. "
    "We need structural heart teams with high TAVR volume, CT-based annular sizing expertise and echocardiographic core lab capabilities.",
    "ct|cardiology|dev"),
  C("ko", "경피적 대동맥판막 삽입술(TAVI) 임상 참여",
    "구조적심장질환센터는 심장내과와 흉부외과 하트팀이 연간 250건 이상의 경피적 대동맥판막 삽입술을 시행합니다. "
    "시술 전 심장 CT로 판륜 크기를 측정하는 전담 영상팀이 있으며 심초음파 코어랩 경험을 바탕으로 판막 주위 누출을 평가합니다. "
    "국내외 판막 기기 허가 임상에 참여한 경험이 있습니다.",
    "ct|cardiology|dev"),
  [C("en", "Left ventricular assist device programme",
     "Our heart failure surgery programme implants about 30 LVADs a year and collaborates on pump thrombosis monitoring research.",
     "ct|cardiology|dev"),
   C("en", "Minimally invasive mitral valve surgery",
     "Cardiac surgery performs minimally invasive and robotic mitral valve repair and participates in surgical annuloplasty ring studies.",
     "cv|cardiology|dev")])

Q("en", "Kinexa Pharma (키넥사파마)", "Seoul",
  "Small-molecule drug developer in metabolic and inflammatory disease.",
  N("en", "First-in-human SAD/MAD study in healthy volunteers",
    "Our oral small molecule for gout has completed GLP toxicology and we plan a single and multiple ascending dose study in healthy adults in Korea. "
    "We need a clinical pharmacology unit with overnight beds and intensive PK sampling capability, ideally with food-effect study experience.",
    "ct||sm"),
  C("ko", "건강한 자원자 대상 1상 임상시험센터",
    "임상약리학과가 운영하는 1상 임상시험센터는 48병상의 입원 시설과 24시간 의료진 상주 체계를 갖추고 있습니다. "
    "단회·반복 투여 용량 증량 시험, 음식물 영향 평가, 약물상호작용 시험 등 연간 40건 이상의 건강인 대상 임상을 수행합니다. "
    "집중 약동학 채혈과 검체 처리, 약동학·약력학 모델링을 직접 지원합니다.",
    "ct||sm"),
  [C("en", "Gout and hyperuricaemia clinic",
     "The rheumatology gout clinic manages 1,800 patients, uses dual-energy CT to quantify urate deposits and has taken part in phase 3 urate-lowering therapy trials.",
     "ct|rheumatology|sm"),
   C("en", "Pharmacogenomics and therapeutic drug monitoring lab",
     "Our laboratory offers CYP genotyping and therapeutic drug monitoring for transplant and psychiatric drugs, and supports dose-individualisation research.",
     "cv||sm")])

Q("en", "Tolerance Bio (톨러런스바이오)", "Seoul",
  "Food allergy immunotherapy company.",
  N("en", "Paediatric food allergy center for an oral immunotherapy trial",
    "We are developing a standardised peanut and tree-nut oral immunotherapy product for children. "
    "We need paediatric allergists who perform double-blind placebo-controlled food challenges and can safely manage up-dosing visits and anaphylaxis in a hospital setting.",
    "ct|allergy,pediatrics|bio"),
  C("ko", "소아 식품알레르기 경구면역요법 임상",
    "소아청소년과 알레르기 클리닉은 우유, 계란, 땅콩, 견과류 알레르기 아동 1,500명을 진료하며 이중맹검 위약대조 식품유발검사를 연간 300건 시행합니다. "
    "병원 내 경구면역요법 프로그램을 5년째 운영하고 있어 증량 방문 관리와 아나필락시스 응급 대응 체계가 확립되어 있습니다.",
    "ct|allergy,pediatrics|bio"),
  [C("en", "Severe asthma biologics clinic",
     "Our severe asthma clinic treats 700 adults on anti-IL-5 and anti-IgE biologics and participates in phase 3 trials.",
     "ct|respiratory,allergy|bio"),
   C("en", "Drug allergy testing service",
     "The allergy clinic performs skin testing and drug provocation tests for antibiotic and contrast media hypersensitivity.",
     "cv|allergy|dx")])

Q("en", "Embryonix AI (엠브리오닉스)", "Seoul",
  "AI company for assisted reproduction.",
  N("en", "Time-lapse embryo images and IVF outcomes for an embryo selection AI",
    "Our AI ranks embryos for transfer based on time-lapse incubator videos. "
    "We need a fertility center with a time-lapse imaging archive linked to transfer outcomes (implantation, clinical pregnancy, live birth) and interest in a prospective validation study.",
    "da,cv|reproductive_medicine|ai"),
  C("ko", "난임센터 타임랩스 배아 영상과 임신 결과 데이터",
    "난임센터는 연간 체외수정 시술 2,000주기를 시행하며 2018년부터 타임랩스 배양기로 모든 배아를 촬영해 왔습니다. "
    "배아 영상 약 6만 건이 이식 여부, 착상, 임상적 임신, 출산 결과와 연결되어 있습니다. "
    "배아 선별 AI의 전향적 검증 연구에 참여할 의향이 있습니다.",
    "da,cv|reproductive_medicine|ai"),
  [C("en", "Gynaecologic oncology trials",
     "Our gynaecologic oncology team runs ovarian and endometrial cancer trials including PARP inhibitor maintenance studies.",
     "ct|oncology|sm"),
   C("en", "Endometriosis patient registry",
     "The gynaecology registry includes 2,000 surgically confirmed endometriosis patients with pain scores and stored tissue samples.",
     "da|reproductive_medicine|dx")])

Q("en", "Exoheal (엑소힐)", "Gyeonggi",
  "Exosome therapeutics company.",
  N("en", "Burn center partner for an exosome-based wound healing product",
    "We are developing a topical hydrogel containing stem cell-derived exosomes to speed re-epithelialisation of partial-thickness burns. "
    "We would like a burn center to co-design the first clinical study, including split-wound comparisons and standardised wound imaging.",
    "cd,ct|dermatology|bio,cell"),
  C("ko", "화상센터 창상 치유 임상 공동연구",
    "화상전문센터는 연간 입원 화상 환자 1,200명을 치료하며 부분층 화상의 재상피화 기간을 표준화된 창상 촬영으로 평가합니다. "
    "한 환자의 창상을 나누어 비교하는 분할 창상 설계 임상을 수행한 경험이 있고, 세포 유래 치료제와 신규 드레싱 공동개발에 관심이 있습니다.",
    "cd,ct|dermatology|cell"),
  [C("en", "Keloid and hypertrophic scar treatment research",
     "Our scar clinic studies laser, steroid injection and silicone-based treatments for keloids and hypertrophic scars.",
     "cv|dermatology|dev"),
   C("en", "Pressure injury prevention in intensive care",
     "A nursing research team studies pressure injury prevention in ICU patients using smart mattresses and sensor-based repositioning alerts.",
     "cv||dev")])

Q("en", "Evidentia Health (에비덴시아헬스)", "Seoul",
  "Real-world evidence analytics firm serving pharmaceutical clients.",
  N("en", "Hospital EHR data in OMOP CDM for a real-world evidence study",
    "We run post-marketing real-world evidence studies for pharma clients and need hospitals whose EHR data are converted to the OMOP common data model. "
    "We want to run distributed analyses, where code goes to the data and only aggregate results come back, on drug utilisation and safety outcomes across several hospitals.",
    "da||dh"),
  C("ko", "OMOP 공통데이터모델 기반 분산 연구 지원",
    "병원 전자의무기록 20년치(환자 약 300만 명)를 OMOP 공통데이터모델로 변환해 정기적으로 갱신하고 있으며 국내 분산연구망에 참여하고 있습니다. "
    "외부 기관이 분석 코드를 제출하면 병원 내부에서 실행한 뒤 통계 결과만 반출하는 방식으로 약물 사용과 안전성 연구를 지원합니다.",
    "da||dh"),
  [C("en", "Clinical data warehouse with NLP-structured reports",
     "We provide de-identified single-centre EHR extracts from our clinical data warehouse, including radiology and pathology reports structured by natural language processing.",
     "da||ai"),
   C("en", "Regional pharmacovigilance center",
     "Our regional pharmacovigilance center collects and assesses spontaneous adverse drug reaction reports from 40 hospitals and supports signal detection research.",
     "da||sm")])

# ===========================================================================
# General distractor capabilities (Korean)
# ===========================================================================
GENERAL = [
C("ko", "위암 로봇수술 영상 데이터와 수술기구 평가",
  "외과 위장관팀은 연간 위암 로봇수술 350건을 시행하며 전체 수술 영상을 보관하고 있습니다. "
  "수술 단계 인식 AI 연구와 신규 복강경 기구 사용성 평가에 협력할 수 있습니다.", "da,cv|oncology,gastroenterology|ai,dev"),
C("ko", "체부 정위방사선치료(SBRT) 임상 연구",
  "방사선종양학과는 폐, 간, 척추 전이 병변에 대한 체부 정위방사선치료를 연간 900건 시행합니다. "
  "방사선 치료와 병용하는 약물의 연구자 주도 임상을 설계한 경험이 있습니다.", "ct|oncology|dev"),
C("ko", "간암 경동맥화학색전술(TACE) 임상",
  "영상의학과 중재시술팀이 간세포암 환자에게 연간 1,500건의 경동맥화학색전술을 시행합니다. "
  "약물방출 미세구와 색전 물질 관련 임상시험 참여 경험이 있습니다.", "ct|oncology,gastroenterology|dev"),
C("ko", "두경부암 환자 코호트와 HPV 검사",
  "이비인후과 두경부암 클리닉에서 구인두암 환자의 HPV 상태와 치료 결과를 10년간 추적한 코호트를 운영합니다. "
  "종양 조직과 혈액 검체를 함께 보관하고 있습니다.", "da|oncology,otolaryngology|dx"),
C("ko", "소아암 장기 생존자 추적 관리",
  "소아청소년 혈액종양 클리닉에서 소아암 장기 생존자 1,100명의 심장, 내분비, 인지 기능 후기 합병증을 추적하고 있습니다.", "da|oncology,pediatrics|"),
C("ko", "교모세포종 환자 유래 오가노이드",
  "신경외과 뇌종양 연구실은 교모세포종 수술 조직으로부터 환자 유래 오가노이드를 확립해 약물 스크리닝에 활용합니다. "
  "오가노이드 40주와 유전체 분석 자료를 공동연구에 제공할 수 있습니다.", "cd,da|oncology,neurology|sm"),
C("ko", "환자 유래 이종이식(PDX) 마우스 모델",
  "위암과 췌장암 환자 조직을 이식한 PDX 모델 120종을 보유하고 있으며 항암 후보물질의 생체 내 효능 평가를 위탁 수행합니다.", "fu|oncology|sm,bio"),
C("ko", "암 유전체 NGS 패널 검사실",
  "진단검사의학과 분자진단실은 고형암 500유전자 NGS 패널 검사를 연간 4,000건 수행하며 인증받은 생물정보 분석 파이프라인을 갖추고 있습니다. "
  "신규 동반진단 검사의 임상적 성능 평가를 함께할 수 있습니다.", "cv|oncology|dx"),
C("ko", "자궁경부암 선별 HPV 자가채취 연구",
  "산부인과에서 자궁경부암 선별을 위한 HPV 자가채취 키트의 정확도를 의료진 채취 검체와 비교한 연구를 수행했습니다.", "cv|oncology,reproductive_medicine|dx"),
C("ko", "흑색종 및 피부암 더모스코피 영상",
  "피부과 피부종양 클리닉은 조직으로 확진된 흑색종, 기저세포암 병변의 더모스코피 영상 2만 장을 보유하고 있습니다.", "da|dermatology,oncology|ai"),
C("ko", "암 환자 통증 관리 및 완화의료 연구",
  "완화의료센터에서 말기 암 환자의 통증과 호흡곤란 조절을 위한 약물 및 비약물 중재 연구를 수행합니다.", "ct|oncology|"),
C("ko", "항암치료 중 오심·구토 관리 앱 연구",
  "종양내과 간호팀이 항암화학요법 환자의 증상을 앱으로 보고받아 대응하는 프로그램을 시범 운영했습니다. "
  "환자 보고 결과(PRO) 수집 경험을 바탕으로 디지털 헬스 기업과 협력하고자 합니다.", "cd|oncology|dh"),
C("ko", "육종 및 희귀암 다학제 진료",
  "골·연부조직 육종 환자를 연간 300명 신규 진료하는 다학제 센터로 희귀암 임상 참여가 가능합니다.", "ct|oncology,rare_disease|"),
C("ko", "갑상선암 방사성요오드 치료 병동",
  "핵의학과는 방사성요오드 치료 전용 격리 병실 8개를 운영하며 갑상선암 재발 환자 대상 표적치료 임상에 참여했습니다.", "ct|oncology,endocrinology|rp"),
C("ko", "고지혈증 PCSK9 억제제 임상",
  "순환기내과 지질클리닉에서 가족성 고콜레스테롤혈증 환자 400명을 진료하며 PCSK9 억제제와 siRNA 치료제 3상을 수행했습니다.", "ct|cardiology|bio"),
C("ko", "폐동맥고혈압 환자 레지스트리",
  "폐동맥고혈압 환자 350명의 우심도자 검사 결과와 6분 보행 거리 추이를 기록한 레지스트리를 운영합니다.", "da,ct|cardiology,rare_disease|"),
C("ko", "심장 아밀로이드증 진단 연구",
  "심장내과와 핵의학과가 협력해 피로인산 스캔으로 트랜스티레틴 심장 아밀로이드증을 진단하고 있으며 환자 150명을 추적 중입니다.", "ct,da|cardiology,rare_disease|dx"),
C("ko", "선천성 심장병 소아 심장수술",
  "소아심장외과는 연간 500건의 선천성 심장병 수술을 시행하며 소아용 인공혈관과 판막 보철물 연구를 진행합니다.", "ct|cardiology,pediatrics|dev"),
C("ko", "관상동맥 중재술 다기관 레지스트리",
  "경피적 관상동맥중재술을 받은 환자 2만 명의 시술 정보와 3년 임상 결과를 담은 다기관 레지스트리를 운영하고 있습니다.", "da|cardiology|dev"),
C("ko", "항암치료 관련 심장독성 코호트",
  "종양심장 클리닉에서 안트라사이클린과 면역항암제 치료 환자의 심초음파 스트레인과 트로포닌 변화를 전향적으로 추적하고 있습니다.", "da|cardiology,oncology|dx"),
C("ko", "심장이식 및 거부반응 모니터링",
  "심장이식센터는 누적 400건 이상의 심장이식을 시행했으며 심내막 생검 대체용 혈액 기반 거부반응 검사를 연구합니다.", "cv|cardiology|dx"),
C("ko", "하지 말초동맥질환 풍선 및 스텐트 임상",
  "혈관외과와 중재영상의학과가 하지 말초동맥질환 환자를 대상으로 약물코팅 풍선 임상을 수행한 경험이 있습니다.", "ct|cardiology|dev"),
C("ko", "정맥혈전색전증 항응고제 연구",
  "혈액내과 혈전 클리닉에서 암 관련 정맥혈전증 환자 대상 경구 항응고제 연구를 진행합니다.", "ct|hematology,oncology|sm"),
C("ko", "다발성경화증·시신경척수염 코호트",
  "신경과 탈수초질환 클리닉에서 다발성경화증과 시신경척수염 범주질환 환자 600명의 MRI와 재발 기록을 관리합니다. "
  "항체 치료제 임상 참여 경험이 있습니다.", "ct,da|neurology,rare_disease|bio"),
C("ko", "근위축성 측삭경화증(루게릭병) 임상",
  "루게릭병 환자 300명을 추적하는 클리닉으로 ALSFRS-R 평가와 호흡 기능 검사를 정기적으로 시행합니다.", "ct|neurology,rare_disease|"),
C("ko", "편두통 예방 치료 연구",
  "두통 클리닉에서 만성 편두통 환자의 두통일지를 모바일로 수집하며 예방 약물의 실사용 효과를 분석합니다.", "da|neurology|sm"),
C("ko", "신경병증성 통증 척수자극기 시술",
  "마취통증의학과에서 복합부위통증증후군과 척추수술 후 통증 환자에게 척수자극기를 연간 80건 이식합니다.", "ct|neurology|dev"),
C("ko", "뇌종양 수술 내비게이션 및 형광 유도 수술",
  "신경외과에서 형광 유도 교모세포종 절제술과 수술 중 MRI를 운용하며 신규 수술 보조 장비 평가를 수행합니다.", "cv|oncology,neurology|dev"),
C("ko", "치매 환자 보호자 지원 앱 연구",
  "치매안심센터와 연계해 치매 환자 보호자의 돌봄 부담을 줄이는 모바일 교육 프로그램을 개발·평가하고 있습니다.", "cd|neurology,geriatrics|dh"),
C("ko", "경도인지장애 인지훈련 프로그램",
  "노인정신건강의학과에서 경도인지장애 어르신 대상 태블릿 인지훈련의 효과를 무작위 배정 연구로 평가했습니다.", "ct|psychiatry,geriatrics|dh"),
C("ko", "척수손상 환자 신경재생 연구",
  "척수손상 동물모델에서 신경재생 소재를 평가하는 기초 연구실로 대학 내 실험동물 시설을 활용합니다.", "cd|neurology|cell"),
C("ko", "수면 중 코골이 소리 분석 연구",
  "이비인후과 수면클리닉에서 스마트폰으로 녹음한 코골이 소리와 수면다원검사 결과를 비교하는 연구를 했습니다.", "cv|otolaryngology,respiratory|ai"),
C("ko", "성장호르몬 치료 소아 레지스트리",
  "소아내분비 클리닉에서 저신장 아동 2,000명의 성장호르몬 치료 반응과 골연령 자료를 축적했습니다.", "da|endocrinology,pediatrics|bio"),
C("ko", "골다공증 골절 예방 약물 임상",
  "내분비내과 골대사 클리닉에서 폐경 후 골다공증 환자 대상 골형성 촉진제 3상을 수행했습니다.", "ct|endocrinology,orthopedics|bio"),
C("ko", "부신 질환 및 쿠싱증후군 진료",
  "부신 클리닉에서 원발성 알도스테론증과 쿠싱증후군 환자의 부신정맥 채혈 검사를 연간 200건 시행합니다.", "ct|endocrinology,rare_disease|"),
C("ko", "다낭성난소증후군 대사 연구",
  "산부인과와 내분비내과가 다낭성난소증후군 여성 500명의 인슐린 저항성과 대사 지표를 추적하는 코호트를 운영합니다.", "da|reproductive_medicine,endocrinology|"),
C("ko", "당뇨병 교육 간호 프로그램",
  "당뇨병 교육실에서 인슐린 주사 교육과 식사 요법 상담을 제공하며 교육 효과 연구를 수행합니다.", "|endocrinology|"),
C("ko", "크론병·궤양성대장염 생물학적제제 임상",
  "염증성장질환 센터에서 크론병과 궤양성대장염 환자 2,500명을 진료하며 생물학적제제와 JAK 억제제 임상 15건을 수행했습니다.", "ct|gastroenterology|bio,sm"),
C("ko", "헬리코박터 제균 치료 연구",
  "소화기내과에서 헬리코박터 파일로리 항생제 내성 검사를 기반으로 한 맞춤 제균 치료 임상을 진행합니다.", "ct|gastroenterology,infectious_disease|sm"),
C("ko", "캡슐내시경 판독 데이터",
  "소장 캡슐내시경 검사 3,000건의 영상과 출혈, 궤양 병변 판독 결과를 보유하고 있습니다.", "da|gastroenterology|ai"),
C("ko", "대변 미생물 이식(FMT) 은행",
  "재발성 클로스트리디오이데스 디피실 감염 치료를 위한 대변 미생물 이식 공여자 은행을 운영합니다.", "fu|gastroenterology,infectious_disease|bio"),
C("ko", "대장 용종 내시경 실시간 검출 시스템 평가",
  "건강증진센터에서 연간 2만 건의 대장내시경을 시행하며 용종 검출 보조 소프트웨어의 선종 발견율 향상 효과를 평가했습니다.", "cv|gastroenterology|ai,dev"),
C("ko", "위식도역류질환 식도 기능 검사실",
  "고해상도 식도내압검사와 24시간 산도 검사를 시행하는 식도 기능 검사실을 운영합니다.", "cv|gastroenterology|dev"),
C("ko", "IgA 신병증 신장조직검사 레지스트리",
  "신장내과에서 신장조직검사로 확진된 IgA 신병증 환자 1,800명의 단백뇨와 신기능 추이를 기록한 레지스트리를 운영합니다.", "da,ct|nephrology|"),
C("ko", "다낭성 신장질환 환자 코호트",
  "상염색체 우성 다낭신장병 환자 400명의 신장 용적 MRI와 유전자 검사 결과를 보유하고 있습니다.", "da|nephrology,rare_disease|"),
C("ko", "급성 신손상 소변 바이오마커 연구",
  "심장수술 후 급성 신손상 발생을 예측하는 소변 바이오마커를 연구하며 수술 전후 소변 검체를 보관하고 있습니다.", "cv,da|nephrology|dx"),
C("ko", "복막투석 원격 모니터링",
  "복막투석 환자 150명의 자동복막투석기 기록을 원격으로 모니터링하는 체계를 운영합니다.", "cv|nephrology|dh"),
C("ko", "전립선비대증 최소침습 시술",
  "비뇨의학과에서 전립선비대증 환자 대상 결찰 임플란트와 수증기 치료 등 최소침습 시술을 시행하며 의료기기 임상 경험이 있습니다.", "ct|urology|dev"),
C("ko", "요로결석 체외충격파 쇄석술",
  "요로결석 센터에서 연간 2,000건의 체외충격파 쇄석술과 연성 요관경 수술을 시행합니다.", "cv|urology|dev"),
C("ko", "중증열성혈소판감소증후군(SFTS) 환자 진료 경험",
  "감염내과는 진드기 매개 SFTS 환자를 다수 치료한 경험이 있으며 환자 혈청을 연구용으로 보관하고 있습니다.", "da,ct|infectious_disease|"),
C("ko", "C형간염 선별검사 사업",
  "지역 보건소와 협력해 C형간염 항체 신속검사 선별 사업을 운영하고 양성자를 치료로 연계하고 있습니다.", "cv|infectious_disease,gastroenterology|dx"),
C("ko", "장기이식 환자 거대세포바이러스 감염 연구",
  "이식감염 클리닉에서 조혈모세포이식 환자의 거대세포바이러스 재활성화를 모니터링하며 항바이러스제 임상을 수행합니다.", "ct|infectious_disease,hematology|sm"),
C("ko", "항생제 적정사용 관리 프로그램",
  "항생제 스튜어드십 팀이 처방 중재 자료를 축적하고 있으며 처방 지원 소프트웨어 평가에 협력할 수 있습니다.", "cv|infectious_disease|dh"),
C("ko", "신종감염병 음압격리병상 운영",
  "국가지정 입원치료병상 12개를 운영하며 신종감염병 대응 모의훈련과 개인보호구 평가를 수행합니다.", "fu|infectious_disease|"),
C("ko", "소아 근시 진행 억제 연구",
  "소아안과에서 저농도 아트로핀과 근시 억제 안경렌즈의 효과를 비교하는 연구를 진행하며 안축장 측정 자료를 보유합니다.", "ct|ophthalmology,pediatrics|dev"),
C("ko", "백내장 인공수정체 임상",
  "백내장 수술을 연간 6,000건 시행하며 다초점 인공수정체의 시력 결과를 평가하는 임상 경험이 있습니다.", "ct|ophthalmology|dev"),
C("ko", "원추각막 각막교차결합술",
  "각막 클리닉에서 원추각막 환자의 각막교차결합술을 시행하며 각막 지형도 추적 자료를 보유합니다.", "cv|ophthalmology,rare_disease|dev"),
C("ko", "포도막염 생물학적제제 치료",
  "포도막염 클리닉에서 베체트병 관련 포도막염 환자를 진료하며 생물학적제제 치료 경험이 풍부합니다.", "ct|ophthalmology,rheumatology|bio"),
C("ko", "한선염 환자 진료 및 임상",
  "피부과에서 화농성 한선염 환자 300명을 진료하며 생물학적제제 임상에 참여했습니다.", "ct|dermatology|bio"),
C("ko", "피부 마이크로바이옴 연구",
  "피부과 연구실에서 건강인과 지루피부염 환자의 피부 마이크로바이옴을 분석하고 있으며 화장품 기업과 공동연구를 합니다.", "cd|dermatology|bio"),
C("ko", "주사비(로사세아) 레이저 치료 연구",
  "주사비 환자 대상 혈관 레이저와 외용제 병용 치료 연구를 수행합니다.", "ct|dermatology|dev"),
C("ko", "듀센 근디스트로피 환자 클리닉",
  "재활의학과와 소아신경과가 듀센 근디스트로피 환자 150명의 보행 기능과 심폐 기능을 정기 평가합니다.", "ct,da|rare_disease,neurology|gene"),
C("ko", "헌팅턴병 및 유전성 운동질환 유전상담",
  "유전상담 클리닉에서 헌팅턴병 가족력 대상자의 예측 유전자 검사와 상담을 제공합니다.", "|rare_disease,neurology|dx"),
C("ko", "신생아 선별검사 확진 검사실",
  "선천성 대사이상 신생아 선별검사 양성자의 확진을 위한 질량분석 검사를 수행합니다.", "cv|rare_disease,pediatrics|dx"),
C("ko", "윌슨병 환자 추적 관찰",
  "소화기내과와 소아청소년과가 윌슨병 환자 200명의 구리 대사 지표와 간 기능을 장기 추적합니다.", "da|rare_disease,gastroenterology|"),
C("ko", "유전성 혈관부종 진료",
  "알레르기내과에서 유전성 혈관부종 환자 60명을 진료하며 예방 치료제 연구에 관심이 있습니다.", "ct|rare_disease,allergy|bio"),
C("ko", "수술 로봇 동물실습 교육센터",
  "의과대학 술기교육센터에서 돼지를 이용한 복강경·로봇수술 술기 교육을 운영하며 신규 수술기구 시연 장소를 제공합니다.", "fu||dev"),
C("ko", "연성 내시경 신제품 사용성 평가",
  "소화기내시경실에서 일회용 십이지장경과 기관지경 신제품의 사용성 평가를 수행한 경험이 있습니다.", "cv|gastroenterology|dev"),
C("ko", "인공호흡기 및 고유량 산소요법 연구",
  "호흡기내과 중환자 팀이 고유량 비강 산소요법 장비 비교 연구를 수행했습니다.", "cv|respiratory|dev"),
C("ko", "마취 심도 모니터링 장비 평가",
  "마취통증의학과에서 뇌파 기반 마취 심도 모니터 신제품의 정확도를 기존 장비와 비교 평가합니다.", "cv||dev"),
C("ko", "중심정맥관 감염 예방 드레싱 연구",
  "감염관리실과 중환자실 간호팀이 항균 드레싱의 중심정맥관 관련 혈류감염 예방 효과를 연구했습니다.", "cv|infectious_disease|dev"),
C("ko", "스마트 인솔 낙상 위험 평가",
  "재활의학과에서 압력센서 인솔로 노인의 보행 균형을 측정하는 연구를 진행하고 있습니다.", "cv|geriatrics|dev,dh"),
C("ko", "비대면 진료 시범사업 운영 경험",
  "도서 지역 주민을 대상으로 비대면 진료 시범사업을 3년간 운영했으며 원격 진료 플랫폼 기업과 협력할 수 있습니다.", "cv||dh"),
C("ko", "금연 치료 앱 임상 연구",
  "가정의학과 금연 클리닉에서 모바일 금연 프로그램과 약물 치료 병용 효과를 평가하는 연구를 수행했습니다.", "ct||dh"),
C("ko", "알코올 사용장애 치료 연구",
  "중독정신과에서 알코올 사용장애 환자의 재발 예방 약물과 디지털 상담 프로그램 연구를 진행합니다.", "ct|psychiatry|dh,sm"),
C("ko", "만성 요통 가상현실 운동 프로그램",
  "재활의학과에서 만성 요통 환자를 위한 가상현실 기반 운동 프로그램의 효과를 평가했습니다.", "cv|orthopedics|dh"),
C("ko", "청소년 자살 예방 위기 개입 연구",
  "소아청소년정신건강의학과에서 응급실을 방문한 자해 청소년의 추적 관리 프로그램을 운영합니다.", "ct|psychiatry,pediatrics|"),
C("ko", "유방촬영술 판독 AI 검증 데이터",
  "유방촬영술 15만 건과 조직검사 결과가 연결된 데이터로 유방암 검출 AI의 성능을 검증한 경험이 있습니다.", "da,cv|oncology|ai"),
C("ko", "뇌 MRI 백질 변성 분할 데이터",
  "건강검진 뇌 MRI 3만 건에서 백질 고신호 병변을 수작업 분할한 라벨 데이터를 보유하고 있습니다.", "da|neurology|ai"),
C("ko", "소아 골연령 X선 데이터",
  "소아 손 X선 영상 2만 건과 전문의 골연령 판정 결과를 보유하고 있어 골연령 자동 판독 연구에 활용할 수 있습니다.", "da|pediatrics,endocrinology|ai"),
C("ko", "무릎 관절 X선 골관절염 등급 데이터",
  "정형외과 외래 무릎 X선 5만 건에 Kellgren-Lawrence 등급을 부여한 데이터셋이 있습니다.", "da|orthopedics|ai"),
C("ko", "응급실 골절 X선 판독 보조 연구",
  "응급의학과와 영상의학과가 손목·발목 골절 X선 판독 보조 AI의 임상 효과를 평가했습니다.", "cv|orthopedics|ai"),
C("ko", "복부 CT 간 분할 데이터",
  "간이식 공여자 평가용 복부 CT 2,000건에서 간 구역을 분할한 라벨을 보유하고 있습니다.", "da|gastroenterology|ai"),
C("ko", "피부 병변 스마트폰 사진 데이터",
  "피부과 외래에서 촬영한 일반 피부 질환 사진 8만 장과 진단명이 연결된 데이터셋을 구축했습니다.", "da|dermatology|ai"),
C("ko", "스마트워치 혈중산소 측정 정확도 연구",
  "호흡기내과에서 스마트워치의 산소포화도 측정값을 동맥혈가스검사와 비교한 연구를 수행했습니다.", "cv|respiratory|dev"),
C("ko", "체온 연속 측정 패치 소아 연구",
  "소아청소년과 병동에서 패치형 체온계의 발열 감지 정확도를 평가한 경험이 있습니다.", "cv|pediatrics|dev"),
C("ko", "NK세포 치료제 연구자 임상",
  "혈액종양내과에서 동종 NK세포 치료제를 급성골수성백혈병 환자에게 투여하는 연구자 임상을 수행했습니다.", "ct|hematology,oncology|cell"),
C("ko", "유도만능줄기세포(iPSC) 분화 연구 플랫폼",
  "의과대학 줄기세포 연구소는 환자 유래 iPSC로부터 심근세포와 신경세포를 분화시켜 약물 독성 평가에 활용합니다.", "cd|cardiology,neurology|cell"),
C("ko", "CRISPR 유전자 편집 코어",
  "대학 유전자편집 코어에서 세포주와 마우스 모델 제작을 위한 CRISPR 설계와 검증 서비스를 제공합니다.", "fu||gene"),
C("ko", "오가노이드 기반 약물 독성 평가",
  "간과 장 오가노이드를 이용한 약물 독성 평가 플랫폼을 구축했으며 제약사의 위탁 시험을 받습니다.", "fu|gastroenterology|sm"),
C("ko", "바이러스 벡터 GMP 생산 시설",
  "대학 바이오 공정센터에서 AAV와 렌티바이러스 벡터의 임상용 GMP 생산을 위한 세포 배양 및 정제 설비를 운영합니다.", "fu||gene"),
C("ko", "인체유래물은행 일반 검체 분양",
  "병원 인체유래물은행에서 다양한 질환의 혈청, 혈장, DNA 검체 15만 건을 보관하며 심의를 거쳐 분양합니다.", "da||dx"),
C("ko", "임신 출생 코호트",
  "산부인과와 소아청소년과가 임산부 3,000명과 출생아를 7세까지 추적하는 코호트를 운영하며 제대혈 검체를 보관합니다.", "da|pediatrics,reproductive_medicine|"),
C("ko", "건강검진 빅데이터 연구",
  "건강증진센터의 15년간 건강검진 결과 50만 건을 비식별화해 만성질환 위험 예측 연구에 활용하고 있습니다.", "da||ai"),
C("ko", "한국인 유전체 코호트 데이터",
  "지역사회 주민 1만 명의 전장 유전체 분석 자료와 생활습관 설문을 연계한 코호트를 보유합니다.", "da||dx"),
C("ko", "바이오의약품 CHO 세포 파일럿 공정",
  "대학 바이오공정 실습센터에 200L 규모의 CHO 세포 배양과 정제 파일럿 설비가 있으며 공정 개발 용역이 가능합니다.", "fu||bio"),
C("ko", "무균 충전 공정 교육 및 시설 이용",
  "바이오의약품 무균 충전 라인을 갖춘 교육 시설로 공정 검증 시험과 인력 교육에 활용할 수 있습니다.", "fu||bio"),
C("ko", "인체 조직은행 운영",
  "뼈, 피부, 양막 등 인체 조직을 이식용으로 처리·보관하는 조직은행을 운영합니다.", "fu|orthopedics|"),
C("ko", "3D 바이오프린팅 연구실",
  "연골과 피부 조직 구조체를 제작하는 3D 바이오프린팅 장비를 보유하고 공동연구를 진행합니다.", "cd|orthopedics,dermatology|dev"),
C("ko", "제브라피시 독성 스크리닝",
  "제브라피시 배아를 이용한 심장 및 발생 독성 고속 스크리닝을 수행합니다.", "fu||sm"),
C("ko", "영장류 실험동물 시설",
  "연구원 부설 영장류 센터에서 필리핀원숭이를 이용한 약동학 및 안전성 시험을 수행합니다.", "fu||bio"),
C("ko", "형질전환 마우스 제작 서비스",
  "유전자 변형 마우스의 제작, 교배, 보존 서비스를 제공하는 실험동물 코어를 운영합니다.", "fu||gene"),
C("ko", "신의료기술평가 및 건강보험 등재 자문",
  "보건경제 연구팀이 신의료기술평가 신청서 작성과 건강보험 급여 등재를 위한 경제성 평가를 지원합니다.", "rg||dev,dx"),
C("ko", "미국 FDA 510(k) 인허가 자문",
  "미국 FDA 시판 전 신고 절차와 유럽 MDR 인증 준비를 지원하는 해외 인허가 교육 프로그램을 운영합니다.", "rg,mt||dev"),
C("ko", "체외진단기기 임상 성능시험 기관",
  "진단검사의학과는 체외진단 의료기기 임상적 성능시험 기관으로 지정되어 잔여 검체를 이용한 성능 평가를 수행합니다.", "cv||dx"),
C("ko", "임상시험심사위원회(IRB) 중앙심사 서비스",
  "다기관 임상의 중앙 IRB 심사를 제공하며 신속 심사 절차를 운영합니다.", "rg||"),
C("ko", "GCP 교육 및 연구간호사 양성 과정",
  "임상시험 종사자를 위한 GCP 교육과 연구간호사 양성 과정을 운영합니다.", "mt||"),
C("ko", "의생명 통계 및 임상 설계 자문",
  "의학통계실에서 임상시험 표본수 산출과 통계 분석 계획서 작성을 자문합니다.", "rg,mt||"),
C("ko", "항체 신약 특허 기술이전: 고형암 표적",
  "대학 연구실에서 개발한 고형암 표적 단일클론항체 기술의 특허를 보유하며 기술이전을 추진합니다.", "li|oncology|bio"),
C("ko", "패혈증 신속진단 바이오센서 기술이전",
  "공과대학 연구팀이 혈액 내 세균을 신속히 검출하는 바이오센서 특허를 보유하고 있어 기술이전을 원합니다.", "li|infectious_disease|dx"),
C("ko", "약물전달 나노입자 플랫폼 기술이전",
  "약학대학에서 개발한 경구용 지질 나노입자 약물전달 기술의 라이선스 파트너를 찾습니다.", "li||sm"),
C("ko", "의료기기 시제품 제작 지원센터",
  "대학 메이커스페이스에서 3D 프린터와 CNC 가공 장비를 활용한 의료기기 시제품 제작을 지원합니다.", "fu||dev"),
C("ko", "바이오 기업 해외진출 지원",
  "해외 제약사와의 기술이전 협상을 위한 비즈니스 자문과 해외 학회 파트너링 참가를 지원합니다.", "mt,li||"),
C("ko", "인공관절 수술 로봇 임상",
  "정형외과에서 로봇 보조 무릎 인공관절 치환술을 연간 800건 시행하며 수술 로봇 임상 경험이 있습니다.", "ct|orthopedics|dev"),
C("ko", "스포츠 손상 십자인대 재건",
  "스포츠의학센터에서 전방십자인대 재건술 환자의 복귀 시점과 근력 회복을 평가합니다.", "cv|orthopedics|"),
C("ko", "소아 척추측만증 보조기 연구",
  "소아정형외과에서 척추측만증 보조기의 착용 시간 센서 모니터링 연구를 진행합니다.", "cv|orthopedics,pediatrics|dev"),
C("ko", "구강암 조기 진단 연구",
  "치과병원 구강병리과에서 구강 백반증과 구강암 조직 검체를 보관하고 있으며 조기 진단 연구에 활용합니다.", "da|dentistry,oncology|dx"),
C("ko", "치아 우식 예방 불소 바니시 연구",
  "소아치과에서 학령기 아동의 치아 우식 예방 효과를 평가하는 지역사회 연구를 수행합니다.", "ct|dentistry,pediatrics|"),
C("ko", "턱관절 장애 클리닉",
  "구강내과에서 턱관절 장애 환자의 통증과 개구 범위를 추적하며 교합 장치 연구를 합니다.", "cv|dentistry|dev"),
C("ko", "어지럼증 전정기능 검사실",
  "이비인후과 어지럼증 클리닉에서 비디오 두부충동검사와 전정유발근전위 검사를 시행합니다.", "cv|otolaryngology,neurology|dev"),
C("ko", "만성 부비동염 생물학적제제 임상",
  "비폴립을 동반한 만성 부비동염 환자 대상 생물학적제제 임상을 수행한 경험이 있습니다.", "ct|otolaryngology,allergy|bio"),
C("ko", "아나필락시스 레지스트리",
  "알레르기내과에서 성인 아나필락시스 환자의 원인과 치료를 기록하는 다기관 레지스트리를 운영합니다.", "da|allergy|"),
C("ko", "조산 예방 연구",
  "고위험 산모 클리닉에서 자궁경부 길이가 짧은 임신부를 대상으로 조산 예방 치료 연구를 진행합니다.", "ct|reproductive_medicine|sm"),
C("ko", "폐경기 호르몬 치료 연구",
  "산부인과 폐경 클리닉에서 혈관운동증상 치료제 임상에 참여했습니다.", "ct|reproductive_medicine|sm"),
C("ko", "남성 난임 정액 분석 연구",
  "비뇨의학과 남성 난임 클리닉에서 정자 DNA 손상 검사와 정액 분석 자료를 보유합니다.", "da|urology,reproductive_medicine|dx"),
C("ko", "신생아 중환자실 미숙아 코호트",
  "신생아 중환자실에서 극소 저체중 출생아 800명의 합병증과 신경발달 결과를 추적하는 코호트를 운영합니다.", "da|pediatrics|"),
C("ko", "소아 가와사키병 연구",
  "소아청소년과에서 가와사키병 환아의 관상동맥 합병증과 면역글로불린 반응을 연구합니다.", "da|pediatrics,cardiology|"),
C("ko", "노인 다약제 복용 관리 연구",
  "노년내과와 약제부가 다약제를 복용하는 어르신의 약물 조정 프로그램 효과를 평가합니다.", "cv|geriatrics|"),
C("ko", "요양병원 연계 감염 관리",
  "지역 요양병원과 협력해 다제내성균 보균 선별과 감염관리 교육 사업을 수행합니다.", "|infectious_disease,geriatrics|"),
C("ko", "의료 로봇 약제 자동화 시스템",
  "약제부에서 항암제 조제 로봇을 도입·운영한 경험이 있으며 병원 자동화 기기 평가에 협력합니다.", "cv||dev"),
C("ko", "병원 물류 및 스마트 병상 관리",
  "스마트병원 추진단이 병상 배정과 환자 이송을 최적화하는 실시간 위치추적 시스템을 운영합니다.", "cd||dh"),
C("ko", "간호 기록 음성인식 연구",
  "간호부와 의료정보팀이 병동 간호 기록을 음성인식으로 작성하는 시범 사업을 진행했습니다.", "cv||ai"),
C("ko", "의료 영상 비식별화 및 데이터 가공 인프라",
  "의료정보실에서 DICOM 영상 비식별화와 라벨링 도구를 제공하는 데이터 가공 플랫폼을 운영합니다.", "fu||ai"),
C("ko", "전자의무기록 표준화 및 FHIR 연동",
  "의료정보팀이 HL7 FHIR 기반 외부 앱 연동 인터페이스를 구축해 헬스케어 기업 서비스와의 연동을 지원합니다.", "cd||dh"),
]

# ===========================================================================
# General distractor capabilities (English)
# ===========================================================================
GENERAL += [
C("en", "Hepatocellular carcinoma systemic therapy trials",
  "Our liver cancer center treats 600 new hepatocellular carcinoma patients a year and has run phase 3 trials of targeted agents and immunotherapy combinations in advanced HCC. "
  "Hepatology and oncology share a weekly tumour board.", "ct|oncology,gastroenterology|bio,sm"),
C("en", "Gastric cancer surgical outcomes database",
  "The gastrointestinal surgery team maintains a prospective database of 12,000 gastrectomies with complications and five-year survival, used for surgical quality research.", "da|oncology,gastroenterology|"),
C("en", "Head and neck cancer radiotherapy research",
  "Radiation oncology runs studies on adaptive radiotherapy and mucositis prevention in head and neck cancer, treating about 250 patients a year.", "ct|oncology,otolaryngology|dev"),
C("en", "Paediatric brain tumour consortium site",
  "We are a member of a paediatric neuro-oncology consortium and treat medulloblastoma and glioma in children with access to proton therapy.", "ct|oncology,pediatrics,neurology|"),
C("en", "Ovarian cancer tissue microarray collection",
  "The gynaecologic pathology lab holds tissue microarrays from 900 high-grade serous ovarian cancers with BRCA status and survival data.", "da|oncology,reproductive_medicine|dx"),
C("en", "Sarcoma tumour organoid platform",
  "Our translational lab derives organoids from bone and soft-tissue sarcomas and offers drug sensitivity testing collaborations.", "cd|oncology,rare_disease|sm"),
C("en", "Cancer survivorship exercise programme",
  "The cancer rehabilitation clinic delivers supervised exercise for breast and colorectal cancer survivors and studies fatigue outcomes.", "cv|oncology|dh"),
C("en", "Radiation dermatitis prevention studies",
  "Radiation oncology nursing has evaluated barrier films and topical agents for preventing radiation dermatitis in breast radiotherapy.", "ct|oncology,dermatology|"),
C("en", "Tumour-infiltrating lymphocyte research lab",
  "Our immunology lab isolates and expands tumour-infiltrating lymphocytes from melanoma and cervical cancer specimens for basic research.", "cd|oncology|cell"),
C("en", "Liquid biopsy research in lung cancer EGFR monitoring",
  "The thoracic oncology lab tracks EGFR mutations in plasma of lung cancer patients on targeted therapy and collaborates on assay comparison studies.", "cv|oncology,respiratory|dx"),
C("en", "Nasopharyngeal and oral cancer screening outreach",
  "Our community programme screens high-risk adults for oral cancer with visual examination and brush cytology.", "cv|oncology,dentistry|dx"),
C("en", "Bladder cancer intravesical therapy trials",
  "Urology has participated in trials of intravesical BCG alternatives and device-assisted chemohyperthermia for non-muscle-invasive bladder cancer.", "ct|oncology,urology|bio"),
C("en", "Kidney cancer surgical video library",
  "We have recorded 1,500 robotic partial nephrectomies and share annotated videos for surgical training and workflow AI.", "da|oncology,urology|ai"),
C("en", "Hypertension salt-intake research",
  "Our preventive cardiology group studies dietary sodium using 24-hour urine collection in 2,000 adults with hypertension.", "da|cardiology|"),
C("en", "Heart failure drug trials with NT-proBNP monitoring",
  "The heart failure clinic follows 1,800 patients with reduced and preserved ejection fraction and has run phase 3 trials of SGLT2 inhibitors and novel vasodilators.", "ct|cardiology|sm"),
C("en", "Familial hypercholesterolaemia genetic screening",
  "Our lipid clinic offers cascade genetic testing for familial hypercholesterolaemia relatives and maintains a genotyped registry.", "da|cardiology|dx"),
C("en", "Cardiac MRI core lab",
  "The cardiac MRI core reads myocardial fibrosis and volumes for multicentre trials and has 8,000 archived scans.", "cv,da|cardiology|"),
C("en", "Coronary physiology research",
  "Interventional cardiology performs FFR and IMR measurements and has published on microvascular angina.", "ct|cardiology|dev"),
C("en", "Syncope and autonomic testing unit",
  "We run tilt-table and autonomic function testing for 500 patients a year with unexplained syncope.", "cv|cardiology,neurology|"),
C("en", "Kawasaki disease echocardiography follow-up",
  "Paediatric cardiology follows 700 children after Kawasaki disease with serial coronary echocardiograms.", "da|pediatrics,cardiology|"),
C("en", "Aortic aneurysm endograft surveillance",
  "Vascular surgery tracks 900 patients after endovascular aneurysm repair with CT surveillance for endoleaks.", "da|cardiology|dev"),
C("en", "Deep vein thrombosis ultrasound programme",
  "Vascular medicine performs 6,000 venous duplex scans a year and evaluates compression devices after surgery.", "cv|cardiology,hematology|dev"),
C("en", "Multiple sclerosis MRI and relapse database",
  "Our neuroimmunology clinic has an MRI and relapse database of 900 patients with multiple sclerosis and NMOSD.", "da|neurology|"),
C("en", "ALS clinic with respiratory monitoring",
  "The motor neuron disease clinic follows 250 ALS patients with home ventilation and monitors disease progression with standard scales.", "ct|neurology,rare_disease|"),
C("en", "Neuropathic pain clinical trials",
  "The pain center has run trials of novel analgesics for diabetic peripheral neuropathic pain and post-herpetic neuralgia.", "ct|neurology|sm"),
C("en", "Traumatic brain injury intensive care research",
  "Neurosurgical ICU research on intracranial pressure monitoring and outcomes after severe traumatic brain injury.", "ct|neurology|dev"),
C("en", "Essential tremor deep brain stimulation programme",
  "Functional neurosurgery implants about 60 deep brain stimulation systems a year for tremor and dystonia and studies programming software.", "ct|neurology|dev"),
C("en", "Autoimmune encephalitis antibody testing",
  "Our neuroimmunology lab performs cell-based assays for autoimmune encephalitis antibodies and keeps a serum and CSF bank.", "da,cv|neurology|dx"),
C("en", "Vascular dementia caregiver support research",
  "Geriatric psychiatry evaluates caregiver training and respite programmes for families of people living with vascular dementia.", "cv|psychiatry,geriatrics|"),
C("en", "Post-stroke depression screening",
  "Neurology and psychiatry jointly screen stroke survivors for depression and test brief psychological interventions.", "ct|neurology,psychiatry|"),
C("en", "Restless legs syndrome clinic",
  "Our sleep neurology clinic treats 400 patients with restless legs syndrome and has run iron therapy studies.", "ct|neurology|sm"),
C("en", "Epilepsy surgery outcomes",
  "The epilepsy surgery programme performs 70 resections a year and tracks seizure freedom at two and five years.", "da|neurology|"),
C("en", "Thyroid eye disease orbital imaging",
  "Oculoplastic surgery has an orbital MRI archive of patients with thyroid eye disease and performs orbital decompression.", "da|ophthalmology,endocrinology|"),
C("en", "Type 1 diabetes paediatric education camp",
  "Paediatric endocrinology runs a yearly education camp and psychosocial support programme for children with type 1 diabetes.", "mt|endocrinology,pediatrics|"),
C("en", "Primary aldosteronism adrenal vein sampling",
  "Our endocrine hypertension clinic performs adrenal vein sampling and keeps a registry of 600 patients with primary aldosteronism.", "da|endocrinology|"),
C("en", "Bone densitometry and fracture liaison service",
  "The fracture liaison service screens patients after fragility fractures with DXA and coordinates osteoporosis treatment.", "cv|endocrinology,orthopedics|"),
C("en", "Pituitary tumour surgery center",
  "Neurosurgery and endocrinology co-manage 200 pituitary adenoma surgeries a year, including acromegaly and Cushing's disease.", "ct|endocrinology,neurology|"),
C("en", "Diabetic foot ulcer offloading research",
  "The diabetic foot clinic studies offloading footwear and pressure-sensing insoles to prevent ulcer recurrence.", "cv|endocrinology|dev"),
C("en", "Inflammatory bowel disease faecal calprotectin studies",
  "Our IBD unit validates home faecal calprotectin tests and tracks disease activity in 1,500 patients.", "cv|gastroenterology|dx"),
C("en", "Irritable bowel syndrome diet research",
  "Gastroenterology dietitians run low-FODMAP diet trials and breath testing for IBS patients.", "ct|gastroenterology|"),
C("en", "Coeliac and small bowel disease clinic",
  "We diagnose small bowel disorders with enteroscopy and keep duodenal biopsy samples for research.", "da|gastroenterology|"),
C("en", "Endoscopic ultrasound training centre",
  "Our endoscopy training centre offers hands-on EUS courses with simulators and animal models for gastroenterologists.", "mt,fu|gastroenterology|dev"),
C("en", "Gut microbiome sequencing core",
  "The microbiome core performs 16S and shotgun metagenomic sequencing of stool samples with bioinformatics support.", "fu|gastroenterology|dx"),
C("en", "Acute kidney injury electronic alert study",
  "Nephrology implemented an EHR-based acute kidney injury alert and studies its effect on outcomes.", "cv|nephrology|dh"),
C("en", "Glomerular disease biopsy archive",
  "Renal pathology maintains 10,000 kidney biopsy reports and slides across glomerular diseases, with digital scans for a subset.", "da|nephrology|ai"),
C("en", "Kidney stone metabolic clinic",
  "Urology and nephrology run a metabolic stone clinic with 24-hour urine chemistry for recurrent stone formers.", "da|urology,nephrology|"),
C("en", "Urinary incontinence device testing",
  "Our female urology unit evaluates pessaries and pelvic floor stimulation devices for stress urinary incontinence.", "cv|urology,reproductive_medicine|dev"),
C("en", "Paediatric urology and hypospadias surgery",
  "Paediatric urology performs 300 reconstructive procedures a year and studies tissue glue and dressings.", "cv|urology,pediatrics|dev"),
C("en", "Hepatitis C elimination programme",
  "Our hepatology team runs point-of-care HCV testing and same-day treatment initiation in community clinics.", "cv|infectious_disease,gastroenterology|dx"),
C("en", "Scrub typhus and tick-borne disease research",
  "Infectious disease specialists in a rural region study scrub typhus and SFTS and collect acute-phase sera.", "da|infectious_disease|dx"),
C("en", "Transplant infectious disease clinic",
  "We manage infections in solid organ transplant recipients and run CMV prophylaxis studies.", "ct|infectious_disease|sm"),
C("en", "Malaria surveillance in border regions",
  "Our public health lab monitors vivax malaria cases in northern Gyeonggi and collects blood smears for research.", "da|infectious_disease|dx"),
C("en", "Hand hygiene compliance sensors",
  "Infection control has piloted badge-based hand hygiene monitoring sensors across 12 wards.", "cv|infectious_disease|dev"),
C("en", "Sexually transmitted infection clinic",
  "The clinic offers STI testing and studies self-collected swab kits for chlamydia and gonorrhoea.", "cv|infectious_disease|dx"),
C("en", "Paediatric pneumococcal carriage study",
  "We collect nasopharyngeal swabs from daycare children to track pneumococcal serotypes after vaccine introduction.", "da|infectious_disease,pediatrics|vac"),
C("en", "Mosquito-borne virus research lab",
  "Our university virology lab studies dengue and Zika virus replication in cell culture under BSL-2.", "cd|infectious_disease|"),
C("en", "Glaucoma surgery device studies",
  "Glaucoma service implants minimally invasive glaucoma surgery stents and has participated in device trials.", "ct|ophthalmology|dev"),
C("en", "Cornea transplant eye bank",
  "Our eye bank processes donor corneas and supports research on endothelial keratoplasty grafts.", "fu|ophthalmology|"),
C("en", "Strabismus and amblyopia paediatric clinic",
  "Paediatric ophthalmology treats amblyopia and studies binocular video-game therapy.", "ct|ophthalmology,pediatrics|dh"),
C("en", "Age-related macular degeneration OCT archive",
  "The retina clinic holds 80,000 OCT volumes from neovascular AMD patients receiving injections, with visual acuity follow-up.", "da|ophthalmology|ai"),
C("en", "Dry eye diagnostic equipment evaluation",
  "Our ocular surface clinic evaluates tear osmolarity and meibography devices.", "cv|ophthalmology|dev"),
C("en", "Psoriatic arthritis imaging cohort",
  "Rheumatology follows 500 psoriatic arthritis patients with joint ultrasound and MRI.", "da|rheumatology,dermatology|"),
C("en", "Hidradenitis suppurativa surgical care",
  "Plastic surgery and dermatology jointly perform wide excision for severe hidradenitis suppurativa.", "cv|dermatology|"),
C("en", "Chronic urticaria clinic",
  "Our allergy and dermatology clinic manages 800 patients with chronic spontaneous urticaria on omalizumab.", "ct|dermatology,allergy|bio"),
C("en", "Melanoma dermoscopy teledermatology",
  "Teledermatology service triages pigmented lesions from primary care using dermoscopy images.", "cv|dermatology,oncology|dh"),
C("en", "Skin aging photoprotection study unit",
  "Our dermatology research unit conducts sunscreen SPF and photoaging studies with standardised imaging.", "cv|dermatology|"),
C("en", "Ankylosing spondylitis biologic registry",
  "Rheumatology keeps a registry of 1,200 axial spondyloarthritis patients treated with TNF and IL-17 inhibitors.", "da|rheumatology|bio"),
C("en", "Systemic sclerosis lung involvement",
  "Our scleroderma clinic monitors interstitial lung disease with serial CT and lung function tests.", "da|rheumatology,respiratory,rare_disease|"),
C("en", "Behçet's disease registry",
  "We follow 700 patients with Behçet's disease, including intestinal and ocular involvement.", "da|rheumatology,rare_disease|"),
C("en", "Osteoarthritis pain registry without intervention",
  "Family medicine tracks knee and hip pain scores in 3,000 primary care patients with osteoarthritis to study analgesic use.", "da|orthopedics|"),
C("en", "Spinal cord stimulation outcomes registry",
  "Pain medicine records outcomes for spinal cord stimulation implants in failed back surgery syndrome.", "da|neurology|dev"),
C("en", "Hip arthroplasty implant registry",
  "Orthopaedics maintains a registry of 6,000 hip replacements with implant type and revision rates.", "da|orthopedics|dev"),
C("en", "Hand surgery and nerve repair research",
  "Hand surgery studies nerve conduits and wraps for digital nerve injuries.", "cv|orthopedics|dev"),
C("en", "Scoliosis surgical navigation",
  "Spine surgery uses intraoperative CT navigation for adolescent scoliosis correction and evaluates pedicle screw systems.", "cv|orthopedics,pediatrics|dev"),
C("en", "Sports science biomechanics lab",
  "The university sports science lab offers motion capture and force plate testing for athletes and sports equipment makers.", "fu|orthopedics|"),
C("en", "Lung transplant programme",
  "Thoracic surgery performs 60 lung transplants a year and studies ex vivo lung perfusion.", "ct|respiratory|dev"),
C("en", "Bronchiectasis patient registry",
  "Pulmonology enrols non-cystic fibrosis bronchiectasis patients in a national registry with sputum microbiology.", "da|respiratory|"),
C("en", "Sleep apnoea oral appliance research",
  "Dental sleep medicine evaluates mandibular advancement devices for mild to moderate obstructive sleep apnoea.", "cv|dentistry,respiratory|dev"),
C("en", "Lung nodule navigation bronchoscopy",
  "Interventional pulmonology performs robotic and electromagnetic navigation bronchoscopy for peripheral nodules.", "cv|respiratory,oncology|dev"),
C("en", "Air pollution and respiratory health cohort",
  "Environmental health researchers follow 5,000 residents with spirometry and personal PM2.5 exposure monitors.", "da|respiratory|"),
C("en", "Schizophrenia early psychosis programme",
  "Our early psychosis service treats first-episode patients and collects longitudinal cognitive and MRI data.", "da|psychiatry|"),
C("en", "Bipolar disorder mood tracking study",
  "Psychiatry researchers collect smartphone passive sensing data from 300 patients with bipolar disorder.", "da|psychiatry|dh"),
C("en", "Eating disorder treatment unit",
  "The eating disorder unit provides inpatient and day treatment for anorexia nervosa in adolescents and adults.", "ct|psychiatry|"),
C("en", "Gambling and internet gaming disorder clinic",
  "Addiction psychiatry treats gaming disorder in adolescents and studies cognitive behavioural group therapy.", "ct|psychiatry,pediatrics|"),
C("en", "PTSD trauma-focused therapy research",
  "Our trauma center evaluates prolonged exposure therapy and virtual reality exposure for firefighters with PTSD.", "ct|psychiatry|dh"),
C("en", "Perinatal depression screening",
  "Obstetrics and psychiatry screen pregnant women for depression and offer telephone counselling.", "cv|psychiatry,reproductive_medicine|"),
C("en", "Chronic pain cognitive behavioural therapy",
  "The pain psychology team delivers group CBT for chronic low back pain and evaluates online programmes.", "ct|psychiatry,orthopedics|dh"),
C("en", "Paediatric hearing screening programme",
  "Our newborn hearing screening programme refers infants for diagnostic ABR testing.", "cv|otolaryngology,pediatrics|dev"),
C("en", "Voice disorder clinic",
  "Laryngology evaluates voice disorders with high-speed videoendoscopy and acoustic analysis.", "cv|otolaryngology|ai"),
C("en", "Olfactory dysfunction research",
  "Rhinology studies smell loss after viral infections and tests olfactory training kits.", "ct|otolaryngology|"),
C("en", "Allergen immunotherapy for house dust mite",
  "Our allergy clinic delivers sublingual and subcutaneous immunotherapy for house dust mite allergic rhinitis in adults.", "ct|allergy|bio"),
C("en", "Eosinophilic oesophagitis clinic",
  "Gastroenterology and allergy co-manage eosinophilic oesophagitis with elimination diets and biologics.", "ct|gastroenterology,allergy|bio"),
C("en", "Neonatal intensive care bronchopulmonary dysplasia studies",
  "Our NICU studies ventilation strategies and surfactant delivery for preterm infants.", "ct|pediatrics,respiratory|dev"),
C("en", "Paediatric obesity lifestyle programme",
  "Paediatrics runs a family-based weight-management programme for school-age children.", "cv|pediatrics,endocrinology|dh"),
C("en", "Growth and puberty disorders clinic",
  "Paediatric endocrinology evaluates precocious puberty and growth failure with bone-age and hormone testing.", "ct|pediatrics,endocrinology|"),
C("en", "Preterm birth biomarker biobank",
  "We store cervicovaginal fluid and blood from 2,000 pregnant women for preterm birth biomarker research.", "da|reproductive_medicine|dx"),
C("en", "Menopause and bone health cohort",
  "Gynaecology follows postmenopausal women with bone density and hormone measurements.", "da|reproductive_medicine,endocrinology|"),
C("en", "Uterine fibroid focused ultrasound",
  "Interventional radiology treats uterine fibroids with MR-guided focused ultrasound and embolisation.", "ct|reproductive_medicine|dev"),
C("en", "Oral microbiome and caries research",
  "The dental school studies oral microbiome changes associated with early childhood caries.", "cd|dentistry,pediatrics|"),
C("en", "Dental 3D printing lab",
  "Our digital dentistry lab prints surgical guides and temporary crowns and evaluates new resin materials.", "fu|dentistry|dev"),
C("en", "Robotic surgery training centre",
  "The hospital's surgical skills centre provides robotic simulator training and dry-lab courses for surgeons.", "mt,fu||dev"),
C("en", "Operating room workflow analytics",
  "Perioperative services analyse OR time-stamps and turnover data to optimise scheduling.", "da||ai"),
C("en", "Anaesthesia airway device evaluation",
  "Anaesthesiology evaluates video laryngoscopes and supraglottic airways in routine surgery.", "cv||dev"),
C("en", "Smart infusion pump safety study",
  "Nursing informatics studies infusion pump integration with the EHR to reduce medication errors.", "cv||dev,dh"),
C("en", "Telemonitoring for home oxygen patients",
  "Our home care team uses remote pulse oximetry for patients on long-term oxygen therapy.", "cv|respiratory|dh"),
C("en", "Remote cardiac implantable device clinic",
  "We remotely follow 2,000 pacemaker and ICD patients through manufacturer platforms.", "da|cardiology|dev"),
C("en", "Smartphone cough sound dataset",
  "Pulmonology collected cough recordings from 3,000 outpatients with diagnoses for acoustic AI research.", "da|respiratory|ai"),
C("en", "Chest X-ray dataset with radiologist labels",
  "Radiology offers 200,000 de-identified chest radiographs with structured labels for pneumonia, effusion and nodules.", "da|respiratory|ai"),
C("en", "Brain CT haemorrhage detection dataset",
  "The emergency radiology archive contains 40,000 head CTs labelled for intracranial haemorrhage subtypes.", "da|neurology|ai"),
C("en", "Bone fracture CT dataset",
  "Trauma radiology has labelled pelvic and spinal fracture CTs from 5,000 patients.", "da|orthopedics|ai"),
C("en", "Mammography screening programme data",
  "Our screening centre has 300,000 mammograms with breast density and cancer outcomes.", "da|oncology|ai"),
C("en", "Colonoscopy video archive",
  "The endoscopy unit records full colonoscopy videos with polyp histology for AI training.", "da|gastroenterology|ai"),
C("en", "Cell-free DNA prenatal testing lab",
  "Our genetics lab performs non-invasive prenatal testing and collaborates on assay development.", "cv|reproductive_medicine|dx"),
C("en", "Clinical exome sequencing service",
  "The genomic medicine center provides clinical exome sequencing for undiagnosed paediatric disorders.", "cv|rare_disease,pediatrics|dx"),
C("en", "Mass spectrometry proteomics core",
  "The university proteomics core offers discovery and targeted mass spectrometry for biomarker studies.", "fu||dx"),
C("en", "Single-cell sequencing core",
  "Our single-cell genomics core runs droplet-based single-cell RNA sequencing and spatial transcriptomics.", "fu||dx"),
C("en", "Induced pluripotent stem cell disease models",
  "The stem cell institute creates iPSC lines from patients with inherited cardiomyopathies for drug screening.", "cd|cardiology,rare_disease|cell"),
C("en", "Mesenchymal stem cell trials in graft-versus-host disease",
  "Haematology has run investigator-initiated trials of mesenchymal stem cells for steroid-refractory GVHD.", "ct|hematology|cell"),
C("en", "Antisense oligonucleotide chemistry lab",
  "Our pharmacy school designs and synthesises antisense oligonucleotides for academic and industry partners.", "cd|rare_disease|gene"),
C("en", "Monoclonal antibody discovery platform",
  "The university antibody center offers phage display and hybridoma services to discover antibodies for research targets.", "fu||bio"),
C("en", "Pilot-scale biologics process development",
  "Our bioprocess engineering department runs 50 L to 500 L bioreactors for process development and training, not for clinical supply.", "fu||bio"),
C("en", "Sterile injectable formulation lab",
  "The formulation lab develops lyophilised and liquid injectable formulations with stability testing.", "fu||sm,bio"),
C("en", "Rodent behavioural testing facility",
  "Our neuroscience core offers mouse and rat behavioural tests for anxiety, memory and motor function.", "fu|neurology,psychiatry|sm"),
C("en", "Rabbit ocular toxicology studies",
  "The preclinical lab performs ocular irritation and intravitreal injection studies in rabbits.", "fu|ophthalmology|sm"),
C("en", "Dog and minipig dermal toxicity",
  "Our CRO-style unit conducts dermal and subcutaneous toxicity studies in minipigs.", "fu|dermatology|sm"),
C("en", "Health technology assessment and pricing support",
  "Our health economics group builds cost-effectiveness models for reimbursement submissions to HIRA.", "rg||"),
C("en", "European MDR and CE marking training",
  "We run training courses for medtech companies on EU MDR technical documentation and notified body audits.", "rg,mt||dev"),
C("en", "Clinical trial site feasibility network",
  "Our regional network coordinates feasibility assessments across 15 hospitals for sponsors.", "ct||"),
C("en", "Biostatistics consulting for device trials",
  "The biostatistics unit designs adaptive and Bayesian analyses for medical device trials.", "rg,mt||dev"),
C("en", "Patent licensing: wearable sweat sensor",
  "The engineering college offers licences to a flexible sweat glucose and lactate sensor patent portfolio.", "li||dev"),
C("en", "Patent licensing: antiviral small molecules",
  "Our chemistry department has patented broad-spectrum antiviral compounds active against coronaviruses in vitro.", "li|infectious_disease|sm"),
C("en", "Patent licensing: tumour-targeting peptide",
  "A university lab offers a tumour-penetrating peptide for drug delivery under licence.", "li|oncology|sm"),
C("en", "Hospital venture fund for later-stage medtech",
  "Our hospital foundation invests in Series B and later medtech companies with revenue, focusing on hospital-ready products.", "iv||dev"),
C("en", "Medical humanities and patient engagement",
  "Our patient advisory council helps companies design patient-facing materials and informed consent documents.", "mt||"),
C("en", "Hospital pharmacy compounding robot",
  "The pharmacy department operates IV compounding robots and evaluates automation systems.", "cv||dev"),
C("en", "Emergency medical services data",
  "We hold pre-hospital ambulance records linked to emergency department outcomes for out-of-hospital cardiac arrest.", "da|cardiology|"),
C("en", "Disaster medicine simulation centre",
  "The simulation centre runs mass-casualty drills and evaluates triage tags and portable devices.", "fu||dev"),
C("en", "Nursing home telemedicine programme",
  "Geriatrics provides video consultations to 30 nursing homes and studies avoidable hospital transfers.", "cv|geriatrics|dh"),
C("en", "Fall detection radar sensors in wards",
  "Our geriatric ward pilots contactless radar sensors to detect falls and bed exits.", "cv|geriatrics|dev"),
C("en", "Voice-based cognitive screening research",
  "Neurology collects speech recordings from older adults to study voice markers of cognitive decline.", "da|neurology,geriatrics|ai"),
]

# ===========================================================================
# Additional detail sentences for capability texts (appended to descriptions)
# ===========================================================================
EXTRA = {
"고혈압 클리닉 활동혈압 비교 연구": "가정혈압 원격 전송 앱과 연계한 고혈압 관리 연구도 진행 중입니다.",
"폐쇄성 수면무호흡 양압기 순응도 연구": "양압기 처방 환자 약 1,500명의 사용 시간과 잔여 무호흡 지수 자료를 보유하고 있습니다.",
"HIV 감염인 코호트 임상": "장기 복용에 따른 골밀도와 신기능 변화 자료를 10년 이상 축적했습니다.",
"소아 예방접종 이상반응 감시 자료": "접종 후 7일간 보호자가 앱으로 보고한 발열, 국소 반응 기록이 포함되어 있습니다.",
"수술실 마취 기록 및 동맥압 파형 데이터": "마취과 의사가 저혈압 구간과 승압제 투여 시점을 검토해 라벨을 정리했습니다.",
"척추 유합 케이지 임상 평가": "수술 후 CT로 골유합 정도를 평가하고 2년간 통증과 기능 점수를 추적합니다.",
"조기위암 내시경 영상 AI 공동개발": "내시경 전문의 3인이 병변 위치를 표시했으며 내시경 장비 제조사와의 협업 경험이 있습니다.",
"간세포암 절제 조직 및 혈청 바이오뱅크": "재발과 생존 정보가 5년 이상 연결되어 있어 예후 바이오마커 연구에 적합합니다.",
"본태떨림 집속초음파 치료 및 떨림 정량화": "가속도계를 이용한 떨림 측정과 나선 그리기 검사를 시술 전후로 시행합니다.",
"신장이식 면역억제제 임상": "이식 후 프로토콜 생검 조직과 혈액 검체를 바이오뱅크에 보관하고 있습니다.",
"과민성방광 및 야간뇨 임상": "요역동학 검사실을 운영하며 여성 배뇨장애 환자 등록이 원활합니다.",
"고도비만 대사수술 후 장기 추적 코호트": "수술 전후 혈액 검체와 장내 미생물 검체도 일부 보관되어 있습니다.",
"갑상선안병증 생물학적제제 임상": "안과와 협진해 안구돌출도와 임상활동점수(CAS)를 표준화해 평가합니다.",
"뇌동맥류 코일 색전술 및 유동전환 스텐트": "시술 후 6개월, 1년 혈관조영으로 동맥류 폐색 정도를 추적합니다.",
"조현병 장기지속형 주사제 임상": "지역 정신건강복지센터와 연계해 퇴원 후 추적 관찰률이 높습니다.",
"교원창업 바이오벤처 시드 투자 및 기술이전": "지금까지 신약, 진단 분야 교원창업 기업 14곳에 투자했습니다.",
"의료기기 사용성 평가 시험실": "간호사, 전공의 등 실제 사용자 패널을 모집해 관찰 평가를 진행합니다.",
"전신홍반루푸스 바이오마커 연구": "루푸스 신염 환자의 신장 조직검사 결과도 함께 연결되어 있습니다.",
"소아 천식 흡입제 순응도 연구": "학교 기반 천식 교육 프로그램도 함께 운영하고 있습니다.",
"특발성 폐섬유증 코호트": "매년 6분 보행검사와 삶의 질 설문을 함께 시행합니다.",
"습성 황반변성 항VEGF 주사제 임상": "연간 유리체강내 주사 1만 건 이상을 시행하며 OCT 판독 인력을 갖추고 있습니다.",
"안구건조증 점안제 임상": "눈물막 파괴 시간, 쉬르머 검사, 각막 염색 점수를 표준화된 방법으로 평가합니다.",
"침습성 진균감염 조기진단 연구": "조혈모세포이식 환자의 혈청을 주기적으로 보관하고 있어 진단 검사 비교가 가능합니다.",
"의료관련감염 감시 자료": "중환자실 중심정맥관 관련 혈류감염과 수술부위감염 발생률을 월별로 집계합니다.",
"Type 2 diabetes oral drug trial site": "Our research nurses are experienced with home glucose diaries and hypoglycaemia reporting.",
"Resting 12-lead ECG archive": "Waveforms are stored as raw 500 Hz signals rather than images, which suits deep learning work.",
"Clinical PET/CT imaging core for oncology trials": "The core follows EARL harmonisation and has supported about 40 sponsor studies.",
"Proton therapy center": "About 700 patients a year are treated with pencil-beam scanning.",
"Polysomnography data archive": "Most studies also include oximetry and limb movement channels exported in EDF format.",
"Migraine headache registry": "Patients report attacks through a smartphone diary and are seen every three months.",
"Vitiligo phototherapy and topical trial experience": "Repigmentation is scored with VASI from standardised photographs.",
"Acne scar laser device studies": "We use 3D skin imaging to quantify scar volume before and after treatment.",
"Liver transplant outcomes programme": "A biobank of explant tissue and serial blood samples supports rejection studies.",
"Chronic hepatitis B antiviral trials": "Quantitative HBsAg and HBV RNA are measured in our own virology laboratory.",
"Exoskeleton gait training for spinal cord injury": "Outcomes include the 10-metre walk test and the WISCI II scale.",
"Cardiac rehabilitation programme": "Patients wear heart-rate monitors during sessions and data are kept for research.",
"Hip fracture registry in older adults": "Rehabilitation status and discharge destination are also recorded.",
"Pre-operative geriatric assessment programme": "About 1,200 patients a year are assessed before elective surgery.",
"Respiratory virus swab repository": "Residual samples are stored at -80°C with collection date and basic demographics.",
"Community-acquired pneumonia antibiotic trials": "The team enrols about 60 patients a year and has blood culture and urinary antigen data.",
"Autism early screening research": "Around 400 toddlers a year are evaluated with ADOS-2 by developmental specialists.",
"Adult ADHD medication trials": "Diagnoses are confirmed with structured adult ADHD interviews.",
"Cochlear implant center": "The audiology team performs device programming and mapping for all recipients.",
"Tinnitus sound therapy research": "Tinnitus severity is tracked with THI and loudness matching.",
"Orthodontic clear aligner research": "Treatment outcomes are measured from sequential digital models.",
"Periodontitis saliva biobank": "Clinical attachment loss and probing depth are recorded at each visit.",
"Metastatic pancreatic cancer chemotherapy trials": "About 250 patients with advanced disease start first-line chemotherapy here each year.",
"Biliary stent evaluation in the endoscopy unit": "Stent patency and reintervention are tracked prospectively.",
"Clinical immunology lab for vaccine trial samples": "The lab receives samples from sponsors and other sites; it does not recruit trial participants itself.",
"Allogeneic stem cell transplantation programme": "Donor search and HLA typing are done in-house.",
"Lymphoma bispecific antibody trials": "Our inpatient unit manages cytokine release syndrome with step-up dosing protocols.",
"Breast ultrasound imaging archive": "Images include both handheld and automated breast ultrasound.",
"Thyroid surgery and nerve monitoring studies": "Laryngoscopy is performed before and after surgery for all patients.",
"Left ventricular assist device programme": "Patients are followed in a dedicated VAD clinic with remote pump log reviews.",
"Minimally invasive mitral valve surgery": "Around 150 mitral operations are performed each year.",
"Gout and hyperuricaemia clinic": "Flare frequency and serum urate are recorded at each visit.",
"Pharmacogenomics and therapeutic drug monitoring lab": "Results are reported back to clinicians through the EHR within 48 hours.",
"Severe asthma biologics clinic": "Sputum eosinophil counts and FeNO are part of routine assessment.",
"Drug allergy testing service": "About 900 patients a year are evaluated, and results are stored in a structured allergy registry.",
"Gynaecologic oncology trials": "Germline and somatic BRCA testing is done for all high-grade ovarian cancers.",
"Endometriosis patient registry": "Imaging and surgical staging data are included.",
"Keloid and hypertrophic scar treatment research": "Scar thickness is measured with ultrasound and the Vancouver Scar Scale.",
"Pressure injury prevention in intensive care": "The study wards admit about 3,000 ICU patients a year.",
"Clinical data warehouse with NLP-structured reports": "Data are extracted on request for approved single-site projects rather than through a common data model.",
"Regional pharmacovigilance center": "Causality is assessed with WHO-UMC criteria by clinical pharmacologists.",
"소아암 장기 생존자 추적 관리": "심초음파, 호르몬 검사, 신경인지 검사를 정기적으로 시행하고 있습니다.",
"환자 유래 이종이식(PDX) 마우스 모델": "모델별 유전체 분석 자료와 표준 항암제 반응 데이터가 함께 제공됩니다.",
"자궁경부암 선별 HPV 자가채취 연구": "검진 참여율이 낮은 지역 여성 1,200명을 대상으로 진행했습니다.",
"흑색종 및 피부암 더모스코피 영상": "손발바닥에 생기는 말단 흑색종 사례 비중이 높은 것이 특징입니다.",
"암 환자 통증 관리 및 완화의료 연구": "가정형 호스피스 팀이 재택 환자 250명을 관리하고 있습니다.",
"육종 및 희귀암 다학제 진료": "정형외과, 종양내과, 방사선종양학과가 매주 다학제 회의를 엽니다.",
"갑상선암 방사성요오드 치료 병동": "요오드 스캔과 티로글로불린 추적 자료도 보유하고 있습니다.",
"고지혈증 PCSK9 억제제 임상": "유전자 검사로 확진된 환자가 절반 이상입니다.",
"폐동맥고혈압 환자 레지스트리": "희귀의약품 임상 참여 경험이 있으며 우심도자 검사실을 직접 운영합니다.",
"심장 아밀로이드증 진단 연구": "심장 MRI와 유전자 검사 결과가 함께 관리됩니다.",
"선천성 심장병 소아 심장수술": "성인 선천성 심장병 클리닉에서 수술 후 환자를 성인기까지 추적합니다.",
"관상동맥 중재술 다기관 레지스트리": "스텐트 종류와 항혈소판제 사용 기간 정보가 포함되어 있습니다.",
"항암치료 관련 심장독성 코호트": "유방암과 림프종 환자가 대부분이며 혈액 검체도 보관하고 있습니다.",
"심장이식 및 거부반응 모니터링": "이식 환자의 심내막 생검 조직이 바이오뱅크에 보관되어 있습니다.",
"하지 말초동맥질환 풍선 및 스텐트 임상": "연간 400건의 하지 혈관 중재 시술을 시행합니다.",
"정맥혈전색전증 항응고제 연구": "출혈 합병증과 재발 여부를 1년간 추적합니다.",
"근위축성 측삭경화증(루게릭병) 임상": "가정 인공호흡기 사용 환자 관리를 위한 방문 진료 팀을 두고 있습니다.",
"편두통 예방 치료 연구": "CGRP 표적 치료제 사용 환자 500여 명의 자료가 축적되어 있습니다.",
"신경병증성 통증 척수자극기 시술": "시술 전후 통증 점수와 진통제 사용량을 2년간 추적합니다.",
"뇌종양 수술 내비게이션 및 형광 유도 수술": "연간 뇌종양 수술 500건을 시행합니다.",
"치매 환자 보호자 지원 앱 연구": "보호자 우울과 부양 부담 척도를 6개월 간격으로 평가합니다.",
"경도인지장애 인지훈련 프로그램": "12주 훈련 후 신경심리검사로 효과를 측정했습니다.",
"척수손상 환자 신경재생 연구": "하이드로겔 기반 신경 지지체를 개발 중이며 공동연구를 희망합니다.",
"수면 중 코골이 소리 분석 연구": "녹음 파일 2,000건과 무호흡 지수 라벨을 보유하고 있습니다.",
"성장호르몬 치료 소아 레지스트리": "최종 성인 키 도달까지 추적한 환자도 500명 이상입니다.",
"골다공증 골절 예방 약물 임상": "골밀도 검사와 척추 X선 판독을 연구 목적으로 표준화했습니다.",
"부신 질환 및 쿠싱증후군 진료": "부신 절제술 후 혈압과 호르몬 변화를 추적하는 레지스트리를 운영합니다.",
"다낭성난소증후군 대사 연구": "경구 당부하 검사와 호르몬 검사 결과를 매년 갱신합니다.",
"당뇨병 교육 간호 프로그램": "교육 전문 간호사 5명이 연간 3,000명의 환자를 상담합니다.",
"크론병·궤양성대장염 생물학적제제 임상": "대장내시경 점수와 분변 칼프로텍틴을 정기적으로 측정합니다.",
"헬리코박터 제균 치료 연구": "위 조직 배양과 클래리스로마이신 내성 유전자 검사를 직접 시행합니다.",
"캡슐내시경 판독 데이터": "소화기내과 전문의 2인이 판독 결과를 검토했습니다.",
"대변 미생물 이식(FMT) 은행": "공여자 선별 검사와 분변 처리 표준작업지침을 갖추고 있습니다.",
"대장 용종 내시경 실시간 검출 시스템 평가": "무작위 배정 연구 설계와 내시경 영상 녹화 인프라를 갖추고 있습니다.",
"위식도역류질환 식도 기능 검사실": "연간 검사 1,200건의 원시 데이터를 연구용으로 보관합니다.",
"IgA 신병증 신장조직검사 레지스트리": "옥스퍼드 분류(MEST-C) 병리 점수가 모두 기록되어 있습니다.",
"다낭성 신장질환 환자 코호트": "혈압, 신기능, 신장 용적 변화를 매년 추적합니다.",
"급성 신손상 소변 바이오마커 연구": "심장수술 환자 900명의 검체가 확보되어 있습니다.",
"복막투석 원격 모니터링": "복막염 발생과 기술 실패 자료를 함께 분석합니다.",
"전립선비대증 최소침습 시술": "국제전립선증상점수와 요속 검사로 시술 효과를 평가합니다.",
"요로결석 체외충격파 쇄석술": "결석 성분 분석 자료와 재발 추적 정보가 있습니다.",
"중증열성혈소판감소증후군(SFTS) 환자 진료 경험": "지역 보건환경연구원과 협력해 진드기 매개 감염병 감시를 수행합니다.",
"C형간염 선별검사 사업": "양성자의 치료 연계율과 완치율을 추적 평가하고 있습니다.",
"장기이식 환자 거대세포바이러스 감염 연구": "정량 PCR 결과와 이식 후 경과 자료가 연결되어 있습니다.",
"항생제 적정사용 관리 프로그램": "광범위 항생제 사용량을 월별로 집계해 병동별로 피드백합니다.",
"신종감염병 음압격리병상 운영": "감염병 환자 이송과 검체 채취 동선에 대한 모의 평가를 지원할 수 있습니다.",
"소아 근시 진행 억제 연구": "만 6~12세 아동 600명을 2년 이상 추적하고 있습니다.",
"백내장 인공수정체 임상": "수술 전 생체계측과 수술 후 시력, 대비감도 검사를 표준화해 시행합니다.",
"원추각막 각막교차결합술": "각막 두께와 최대 각막굴절력 변화를 5년 이상 추적한 자료가 있습니다.",
"포도막염 생물학적제제 치료": "형광안저혈관조영과 OCT 추적 자료를 보유하고 있습니다.",
"한선염 환자 진료 및 임상": "중증도 평가(IHS4)와 수술 치료 이력이 정리되어 있습니다.",
"피부 마이크로바이옴 연구": "피부 도말 검체 3,000건을 보관하고 있습니다.",
"주사비(로사세아) 레이저 치료 연구": "홍반 정도는 분광 측정 장비로 정량 평가합니다.",
"듀센 근디스트로피 환자 클리닉": "유전자 변이 정보와 6분 보행 거리 추이가 함께 기록되어 있습니다.",
"헌팅턴병 및 유전성 운동질환 유전상담": "유전상담 전문 인력과 신경과 전문의가 함께 진료합니다.",
"신생아 선별검사 확진 검사실": "연간 약 3만 건의 선별검사를 처리합니다.",
"윌슨병 환자 추적 관찰": "킬레이트 치료 반응과 신경학적 증상 변화도 기록합니다.",
"유전성 혈관부종 진료": "발작 일지와 C1 억제제 검사 결과를 관리합니다.",
"수술 로봇 동물실습 교육센터": "실습용 수술실 4개와 마취 지원 인력을 갖추고 있습니다.",
"연성 내시경 신제품 사용성 평가": "세척·소독 과정과 감염관리 관점의 평가도 함께 수행합니다.",
"인공호흡기 및 고유량 산소요법 연구": "호흡부전 환자의 산소화 지표와 삽관률을 비교했습니다.",
"마취 심도 모니터링 장비 평가": "연간 2만 건의 전신마취 중 일부에서 원시 뇌파를 함께 저장합니다.",
"중심정맥관 감염 예방 드레싱 연구": "중환자실 3곳에서 1년간 전후 비교 연구를 수행했습니다.",
"스마트 인솔 낙상 위험 평가": "지역사회 노인 300명의 보행 자료와 1년간 낙상 기록을 보유합니다.",
"비대면 진료 시범사업 운영 경험": "만성질환자 800명을 대상으로 화상 진료와 처방 연계를 운영했습니다.",
"금연 치료 앱 임상 연구": "호기 일산화탄소 측정으로 금연 여부를 확인했습니다.",
"알코올 사용장애 치료 연구": "입원 해독 치료 후 외래 추적 체계를 갖추고 있습니다.",
"만성 요통 가상현실 운동 프로그램": "8주간의 프로그램 후 통증과 기능 장애 지수를 평가했습니다.",
"청소년 자살 예방 위기 개입 연구": "퇴원 후 3개월간 전화와 문자 기반 사례관리를 제공합니다.",
"유방촬영술 판독 AI 검증 데이터": "치밀유방 비율이 높아 한국 여성 특성을 반영합니다.",
"뇌 MRI 백질 변성 분할 데이터": "신경과 전문의가 검수한 라벨로 분할 모델 학습에 활용할 수 있습니다.",
"소아 골연령 X선 데이터": "성별, 나이, 키 정보가 함께 제공됩니다.",
"무릎 관절 X선 골관절염 등급 데이터": "일부는 5년 후 추적 영상과 인공관절 수술 여부가 연결되어 있습니다.",
"응급실 골절 X선 판독 보조 연구": "야간 응급실 판독 오류 감소 효과를 중심으로 분석했습니다.",
"복부 CT 간 분할 데이터": "간 용적과 혈관 구조 라벨도 일부 포함되어 있습니다.",
"피부 병변 스마트폰 사진 데이터": "피부과 전문의가 진단명을 검수했고 조직검사 결과도 일부 연결됩니다.",
"스마트워치 혈중산소 측정 정확도 연구": "피부색과 말초 관류 상태에 따른 오차도 분석했습니다.",
"체온 연속 측정 패치 소아 연구": "고막 체온계 측정값과 비교한 자료 2,000건을 확보했습니다.",
"NK세포 치료제 연구자 임상": "이식 후 재발 고위험 환자를 대상으로 했습니다.",
"유도만능줄기세포(iPSC) 분화 연구 플랫폼": "iPSC 유래 심근세포의 전기생리 측정 장비를 갖추고 있습니다.",
"CRISPR 유전자 편집 코어": "유전자 편집 효율 분석과 오프타깃 분석도 지원합니다.",
"오가노이드 기반 약물 독성 평가": "표준 간독성 약물 패널로 검증된 판정 기준을 사용합니다.",
"바이러스 벡터 GMP 생산 시설": "세포치료제 완제품 제조나 클린룸 임대는 하지 않고 벡터 생산만 담당합니다.",
"인체유래물은행 일반 검체 분양": "검체별 기본 진단명과 채취 시점 정보가 제공됩니다.",
"임신 출생 코호트": "출생아의 성장 발달 검사와 알레르기 질환 발생 정보도 수집합니다.",
"건강검진 빅데이터 연구": "단일 기관 자료이며 연구 계획 심의 후 병원 내부 서버에서만 분석할 수 있습니다.",
"한국인 유전체 코호트 데이터": "연구 목적 분양은 데이터 심의위원회 승인을 거쳐 이루어집니다.",
"바이오의약품 CHO 세포 파일럿 공정": "임상시료 생산이 아닌 공정 개발과 인력 교육을 목적으로 합니다.",
"무균 충전 공정 교육 및 시설 이용": "바이알과 프리필드 시린지 충전 장비를 갖추고 있습니다.",
"인체 조직은행 운영": "정형외과와 성형외과 수술용 동종 조직을 공급합니다.",
"3D 바이오프린팅 연구실": "세포 함유 바이오잉크 개발 경험이 있습니다.",
"제브라피시 독성 스크리닝": "한 번에 수백 개 화합물을 평가할 수 있는 자동 영상 분석 시스템을 갖추고 있습니다.",
"영장류 실험동물 시설": "항체 의약품의 반복투여 독성 평가 경험이 있습니다.",
"형질전환 마우스 제작 서비스": "질환 모델 마우스 300여 계통을 보존하고 있습니다.",
"신의료기술평가 및 건강보험 등재 자문": "체외진단기기와 디지털 의료기기의 급여 전략 수립을 지원한 경험이 있습니다.",
"미국 FDA 510(k) 인허가 자문": "미국 현지 규제 전문가 네트워크와 협력합니다.",
"체외진단기기 임상 성능시험 기관": "혈액, 소변 등 일반 잔여 검체를 중심으로 시험을 수행합니다.",
"임상시험심사위원회(IRB) 중앙심사 서비스": "영문 문서 심사와 해외 의뢰자 대응이 가능합니다.",
"GCP 교육 및 연구간호사 양성 과정": "연간 600명 이상이 수료합니다.",
"의생명 통계 및 임상 설계 자문": "통계 전문가 6명이 상주합니다.",
"항체 신약 특허 기술이전: 고형암 표적": "마우스 이종이식 모델에서 종양 성장 억제를 확인했습니다.",
"패혈증 신속진단 바이오센서 기술이전": "시제품 수준의 검증이 완료되어 있습니다.",
"약물전달 나노입자 플랫폼 기술이전": "펩타이드와 핵산 약물의 경구 흡수율 향상 자료를 보유합니다.",
"의료기기 시제품 제작 지원센터": "전기·전자 회로 설계 장비와 기술 인력도 지원합니다.",
"바이오 기업 해외진출 지원": "해외 제약사 출신 자문위원단을 운영합니다.",
"인공관절 수술 로봇 임상": "수술 후 정렬 각도와 기능 점수를 CT와 설문으로 평가합니다.",
"스포츠 손상 십자인대 재건": "등속성 근력 검사 장비를 보유하고 있습니다.",
"소아 척추측만증 보조기 연구": "보조기 착용 아동 200명의 코브 각도 변화를 추적합니다.",
"구강암 조기 진단 연구": "구강 점막 병변 사진과 조직 결과가 연결된 자료가 있습니다.",
"치아 우식 예방 불소 바니시 연구": "학교 구강검진 자료와 연계해 3년간 추적했습니다.",
"턱관절 장애 클리닉": "턱관절 MRI와 통증 설문 자료를 보유합니다.",
"어지럼증 전정기능 검사실": "연간 어지럼증 환자 4,000명을 진료합니다.",
"만성 부비동염 생물학적제제 임상": "비용종 점수와 후각 검사를 표준화된 방법으로 평가합니다.",
"아나필락시스 레지스트리": "원인 약물과 식품, 에피네프린 사용 여부를 기록합니다.",
"조산 예방 연구": "연간 고위험 분만 1,000건을 담당합니다.",
"폐경기 호르몬 치료 연구": "홍조 일지와 골밀도 검사를 함께 평가합니다.",
"남성 난임 정액 분석 연구": "현미경 정자채취술 결과도 함께 관리합니다.",
"신생아 중환자실 미숙아 코호트": "교정 연령 2세 신경발달 평가 결과가 포함되어 있습니다.",
"소아 가와사키병 연구": "급성기 혈액 검체를 보관하고 있습니다.",
"노인 다약제 복용 관리 연구": "약사 주도 상담 후 잠재적 부적절 약물 사용 변화를 분석합니다.",
"요양병원 연계 감염 관리": "요양병원 20곳과 협력 네트워크를 운영합니다.",
"의료 로봇 약제 자동화 시스템": "조제 정확도와 작업자 노출 감소 효과를 평가했습니다.",
"병원 물류 및 스마트 병상 관리": "실시간 병상 현황 데이터를 연구 목적으로 분석할 수 있습니다.",
"간호 기록 음성인식 연구": "의학 용어 인식률과 기록 시간 단축 효과를 측정했습니다.",
"의료 영상 비식별화 및 데이터 가공 인프라": "외부 기업은 승인된 과제에 한해 가공 도구를 사용할 수 있습니다.",
"전자의무기록 표준화 및 FHIR 연동": "환자 동의 기반으로 진료 정보를 외부 앱에 전달하는 시범 사업을 진행했습니다.",
"Gastric cancer surgical outcomes database": "The database also records robotic versus laparoscopic approach and nutritional status after surgery.",
"Head and neck cancer radiotherapy research": "Swallowing function and quality of life are measured for two years after treatment.",
"Paediatric brain tumour consortium site": "Tumour samples are sent to a central lab for molecular subgrouping.",
"Ovarian cancer tissue microarray collection": "Platinum sensitivity and treatment history are available for most cases.",
"Sarcoma tumour organoid platform": "Around 60 organoid lines have been established with matching histology.",
"Cancer survivorship exercise programme": "Participants use activity trackers and complete fatigue questionnaires monthly.",
"Radiation dermatitis prevention studies": "Skin reactions are graded weekly using CTCAE criteria and photographs.",
"Tumour-infiltrating lymphocyte research lab": "The lab does not manufacture cells for patients but publishes on T-cell receptor repertoires.",
"Liquid biopsy research in lung cancer EGFR monitoring": "Serial plasma samples from about 300 patients are stored.",
"Nasopharyngeal and oral cancer screening outreach": "More than 8,000 adults have been screened in rural areas since 2018.",
"Bladder cancer intravesical therapy trials": "Cystoscopy and urine cytology follow-up are standardised.",
"Kidney cancer surgical video library": "Videos are annotated by surgical phase and adverse events.",
"Hypertension salt-intake research": "Participants receive smartphone feedback on their salt intake.",
"Heart failure drug trials with NT-proBNP monitoring": "Natriuretic peptides are measured at every visit in our core lab.",
"Familial hypercholesterolaemia genetic screening": "About 900 index patients and relatives have been tested.",
"Cardiac MRI core lab": "Readers are certified and follow a standard operating procedure for quantitative analysis.",
"Coronary physiology research": "Pressure-wire data from about 2,000 procedures are archived.",
"Syncope and autonomic testing unit": "Implantable loop recorder follow-up data are available for a subset.",
"Kawasaki disease echocardiography follow-up": "Coronary Z-scores are recorded at each examination.",
"Aortic aneurysm endograft surveillance": "Re-intervention and rupture events are adjudicated by two vascular surgeons.",
"Deep vein thrombosis ultrasound programme": "Post-operative orthopaedic patients make up most of the cohort.",
"Multiple sclerosis MRI and relapse database": "Disability scores are recorded every six months.",
"ALS clinic with respiratory monitoring": "Forced vital capacity is measured at every visit.",
"Neuropathic pain clinical trials": "Pain diaries are collected electronically.",
"Traumatic brain injury intensive care research": "Six-month functional outcomes are collected by telephone interview.",
"Essential tremor deep brain stimulation programme": "Tremor is rated on video by blinded assessors.",
"Autoimmune encephalitis antibody testing": "Samples come from about 100 hospitals across the country.",
"Vascular dementia caregiver support research": "Caregiver burden and depression are measured every three months.",
"Post-stroke depression screening": "Around 600 stroke patients are screened each year.",
"Restless legs syndrome clinic": "Ferritin and symptom scores are recorded at each visit.",
"Epilepsy surgery outcomes": "Pre-operative MRI and neuropsychology results are archived.",
"Thyroid eye disease orbital imaging": "Clinical activity scores and exophthalmometry are recorded at each visit.",
"Type 1 diabetes paediatric education camp": "About 120 children and their parents take part each summer.",
"Primary aldosteronism adrenal vein sampling": "Surgical outcomes after adrenalectomy are tracked for five years.",
"Bone densitometry and fracture liaison service": "About 1,000 patients a year enter the programme.",
"Pituitary tumour surgery center": "Hormone levels and visual field results are tracked after surgery.",
"Diabetic foot ulcer offloading research": "Ulcer healing is tracked with standardised photographs.",
"Inflammatory bowel disease faecal calprotectin studies": "Results are compared with endoscopic scores.",
"Irritable bowel syndrome diet research": "Symptom scores are collected through a mobile diary.",
"Coeliac and small bowel disease clinic": "Capsule endoscopy and balloon enteroscopy are both available.",
"Endoscopic ultrasound training centre": "About 150 endoscopists complete courses each year.",
"Gut microbiome sequencing core": "Sample collection kits and DNA extraction are standardised across studies.",
"Acute kidney injury electronic alert study": "The alert runs in all inpatient wards across 1,800 beds.",
"Glomerular disease biopsy archive": "Clinical follow-up of proteinuria and eGFR is linked for most cases.",
"Kidney stone metabolic clinic": "Stone composition is analysed by infrared spectroscopy.",
"Urinary incontinence device testing": "Pad tests and validated questionnaires are used as outcomes.",
"Paediatric urology and hypospadias surgery": "Cosmetic and functional outcomes are followed to adolescence.",
"Hepatitis C elimination programme": "Over 3,000 people have been screened through outreach clinics.",
"Scrub typhus and tick-borne disease research": "Cases are confirmed by PCR and serology in our lab.",
"Transplant infectious disease clinic": "Viral load monitoring results are linked to transplant outcomes.",
"Malaria surveillance in border regions": "Cases are reported within 24 hours to public health authorities.",
"Hand hygiene compliance sensors": "Compliance data are linked to ward-level infection rates.",
"Sexually transmitted infection clinic": "About 5,000 tests are performed each year.",
"Paediatric pneumococcal carriage study": "Serotyping is done by the regional public health laboratory.",
"Mosquito-borne virus research lab": "We screen small molecules for antiviral activity in collaboration with the chemistry department.",
"Glaucoma surgery device studies": "Intraocular pressure and medication use are followed for two years.",
"Cornea transplant eye bank": "Donor tissue is evaluated with specular microscopy.",
"Strabismus and amblyopia paediatric clinic": "Visual acuity and stereopsis are measured at each visit.",
"Age-related macular degeneration OCT archive": "Treatment intervals and injection histories are linked to each scan.",
"Dry eye diagnostic equipment evaluation": "Studies compare new devices with conventional Schirmer and tear break-up time tests.",
"Psoriatic arthritis imaging cohort": "Skin and joint disease activity are scored at each visit.",
"Hidradenitis suppurativa surgical care": "Recurrence after surgery is tracked for two years.",
"Chronic urticaria clinic": "Urticaria activity scores are recorded weekly through a mobile app.",
"Melanoma dermoscopy teledermatology": "Over 10,000 referrals have been triaged so far.",
"Skin aging photoprotection study unit": "The unit has a solar simulator and controlled-climate rooms.",
"Ankylosing spondylitis biologic registry": "Spinal radiographs are scored with mSASSS every two years.",
"Systemic sclerosis lung involvement": "About 300 patients are followed.",
"Behçet's disease registry": "Treatment history and organ involvement are recorded at each visit.",
"Osteoarthritis pain registry without intervention": "Data come from routine primary care visits and questionnaires.",
"Spinal cord stimulation outcomes registry": "Device settings and pain scores are recorded at every programming session.",
"Hip arthroplasty implant registry": "Radiographic loosening and patient-reported outcomes are included.",
"Hand surgery and nerve repair research": "Sensory recovery is measured with two-point discrimination tests.",
"Scoliosis surgical navigation": "Radiation dose and screw accuracy are analysed for each case.",
"Sports science biomechanics lab": "Isokinetic dynamometers and high-speed cameras are available for external users.",
"Lung transplant programme": "Chronic lung allograft dysfunction is tracked with serial spirometry.",
"Bronchiectasis patient registry": "Exacerbations and CT severity scores are recorded yearly.",
"Sleep apnoea oral appliance research": "Home sleep tests are used to assess treatment response.",
"Lung nodule navigation bronchoscopy": "Diagnostic yield and complications are tracked prospectively.",
"Air pollution and respiratory health cohort": "Indoor air monitors are installed in participants' homes.",
"Schizophrenia early psychosis programme": "About 150 new patients enter the programme each year.",
"Bipolar disorder mood tracking study": "Mood episodes are confirmed by clinician interview.",
"Eating disorder treatment unit": "Weight restoration and relapse are tracked for one year after discharge.",
"Gambling and internet gaming disorder clinic": "Parents take part in family sessions.",
"PTSD trauma-focused therapy research": "Symptom severity is measured with CAPS-5.",
"Perinatal depression screening": "About 4,000 women are screened each year.",
"Chronic pain cognitive behavioural therapy": "Pain interference and function are measured before and after eight sessions.",
"Paediatric hearing screening programme": "About 5,000 newborns are screened each year.",
"Voice disorder clinic": "Recordings from about 2,000 patients are archived with diagnoses.",
"Olfactory dysfunction research": "Smell function is measured with standardised odour identification tests.",
"Allergen immunotherapy for house dust mite": "Symptom and medication scores are collected each season.",
"Eosinophilic oesophagitis clinic": "Biopsy eosinophil counts are recorded at each endoscopy.",
"Neonatal intensive care bronchopulmonary dysplasia studies": "About 150 very preterm infants are admitted each year.",
"Paediatric obesity lifestyle programme": "BMI z-scores and metabolic markers are measured every six months.",
"Growth and puberty disorders clinic": "About 2,500 children are seen each year.",
"Preterm birth biomarker biobank": "Delivery outcomes are linked to all samples.",
"Menopause and bone health cohort": "About 1,500 women have been followed for up to ten years.",
"Uterine fibroid focused ultrasound": "Fibroid volume is measured on MRI before and after treatment.",
"Oral microbiome and caries research": "Plaque samples are collected at kindergarten check-ups.",
"Dental 3D printing lab": "Accuracy testing is done with an industrial 3D scanner.",
"Robotic surgery training centre": "More than 300 surgeons have completed training courses.",
"Operating room workflow analytics": "The data cover about 40,000 operations a year across 30 theatres.",
"Anaesthesia airway device evaluation": "First-pass success and complications are recorded by trained observers.",
"Smart infusion pump safety study": "Error rates are compared before and after integration.",
"Telemonitoring for home oxygen patients": "About 200 patients are enrolled at any time.",
"Remote cardiac implantable device clinic": "Alerts are reviewed daily by device nurses.",
"Smartphone cough sound dataset": "Recordings are labelled with final diagnoses such as asthma and pneumonia.",
"Chest X-ray dataset with radiologist labels": "Labels were reviewed by board-certified radiologists.",
"Brain CT haemorrhage detection dataset": "Each scan has slice-level labels from neuroradiologists.",
"Bone fracture CT dataset": "Fracture classification follows AO/OTA standards.",
"Mammography screening programme data": "Prior examinations are available for most women.",
"Colonoscopy video archive": "About 5,000 complete procedures are stored.",
"Cell-free DNA prenatal testing lab": "About 10,000 samples are tested each year.",
"Clinical exome sequencing service": "Diagnostic yield is about 35% across referred families.",
"Mass spectrometry proteomics core": "Instruments include Orbitrap and triple-quadrupole systems.",
"Single-cell sequencing core": "Bioinformatics analysis is available as a service.",
"Induced pluripotent stem cell disease models": "Cardiomyocytes are tested on multi-electrode arrays.",
"Mesenchymal stem cell trials in graft-versus-host disease": "Cells were supplied by an external manufacturer.",
"Antisense oligonucleotide chemistry lab": "Synthesis scales range from micromoles to grams.",
"Monoclonal antibody discovery platform": "Humanisation and affinity maturation are also offered.",
"Pilot-scale biologics process development": "Downstream purification skids are available for training.",
"Sterile injectable formulation lab": "Stability chambers follow ICH conditions.",
"Rodent behavioural testing facility": "Video tracking software is used for all tests.",
"Rabbit ocular toxicology studies": "Slit-lamp and fundus examinations are performed by veterinary ophthalmologists.",
"Dog and minipig dermal toxicity": "Studies are designed to support topical drug submissions.",
"Health technology assessment and pricing support": "We have prepared dossiers for drugs and medical devices.",
"European MDR and CE marking training": "Courses are delivered in Korean and English.",
"Clinical trial site feasibility network": "Patient counts are estimated from member hospitals' EHR queries.",
"Biostatistics consulting for device trials": "Our statisticians have supported more than 50 device submissions.",
"Patent licensing: wearable sweat sensor": "Prototype patches have been tested in healthy volunteers during exercise.",
"Patent licensing: antiviral small molecules": "Lead compounds have mouse pharmacokinetic data.",
"Patent licensing: tumour-targeting peptide": "Tumour accumulation was shown in mouse imaging studies.",
"Hospital venture fund for later-stage medtech": "Typical cheques are 2 to 5 billion won.",
"Medical humanities and patient engagement": "The council includes patients with chronic diseases and caregivers.",
"Hospital pharmacy compounding robot": "About 300 chemotherapy doses a day are prepared automatically.",
"Emergency medical services data": "The data cover about 6,000 cardiac arrests.",
"Disaster medicine simulation centre": "Drills involve firefighters and local emergency services.",
"Nursing home telemedicine programme": "Residents' vital signs are shared through a secure platform.",
"Fall detection radar sensors in wards": "Alerts are compared with nurse-documented events.",
"Voice-based cognitive screening research": "About 1,000 participants have cognitive test results linked to the recordings.",
}


# Third detail sentence for the near-miss capabilities.
EXTRA2 = {
"유방암 수술 및 즉시 재건 통합 클리닉": "수술 후 림프부종과 미용 만족도를 3년간 추적하는 전향적 코호트도 함께 운영하고 있습니다.",
"저선량 흉부 CT 폐결절 판독 AI 검증 데이터": "결절 크기 변화와 추적 CT 간격 정보가 포함되어 있어 성장 예측 연구에도 쓸 수 있습니다.",
"녹내장 OCT 장기 추적 코호트": "안압 기록과 점안제 변경 이력도 구조화되어 있습니다.",
"당뇨병콩팥병 코호트 혈액·소변 검체": "투석 진입이나 사망 같은 주요 신장 사건이 판정위원회를 통해 확정되어 있습니다.",
"심부전 환자 원격 모니터링 프로그램": "전담 간호사가 경고 알림을 확인하고 약물 조절을 담당 의사와 협의합니다.",
"고혈압 클리닉 활동혈압 비교 연구": "측정 정확도 평가는 국제 검증 프로토콜에 맞춰 설계했습니다.",
"중간엽줄기세포 세포은행 구축 및 동결보관": "세포 표지자 분석과 분화능 시험 결과를 보고서로 제공합니다.",
"렌티바이러스 벡터 역가 및 안전성 시험": "qPCR, 유세포분석 기반 역가 측정법을 모두 보유하고 있습니다.",
"파킨슨병 코호트 및 뇌척수액 검체": "매년 운동·비운동 증상 척도와 후각 검사를 시행합니다.",
"급성 뇌경색 MRI 다기관 레지스트리": "참여 병원 12곳의 영상 프로토콜을 표준화했습니다.",
"혈우병 환자 레지스트리와 유전자치료 임상": "응고인자 활성도와 억제인자 검사를 원내에서 직접 수행합니다.",
"척수성 근위축증(SMA) 소아 신경근육질환 클리닉": "신생아 선별검사로 조기 진단된 환아 비율이 늘고 있습니다.",
"의료기기 제조·품질관리(GMP) 심사 대응 컨설팅": "ISO 13485 인증 준비와 공급업체 관리 체계 구축도 지원합니다.",
"신약 임상시험계획(IND) 승인 전략 자문": "최근 3년간 15건의 IND 승인 과정에 참여했습니다.",
"건선 생물학적제제 임상 경험": "건선 관절염 동반 여부를 류마티스내과와 함께 평가합니다.",
"기능성 화장품 인체적용시험 시설": "연간 80건 이상의 시험을 수행하고 있습니다.",
"설치류 독성시험 및 약동학 서비스": "시험 물질 분석과 조직병리 판독까지 일괄 제공합니다.",
"소동물 PET/MRI 영상 코어": "방사성 추적자 주입과 마취 관리를 전담 연구원이 지원합니다.",
"우울증 디지털치료기기 공동개발": "치료 프로토콜은 대면 집단 치료에서 효과를 확인한 내용을 기반으로 합니다.",
"폐쇄성 수면무호흡 양압기 순응도 연구": "원격 코칭 프로그램을 적용해 순응도 향상 효과를 비교하고 있습니다.",
"HIV 감염인 코호트 임상": "외래 상담 간호사가 복약 순응도를 관리합니다.",
"소아 예방접종 이상반응 감시 자료": "중대한 이상반응은 소아감염 전문의가 인과성을 평가했습니다.",
"응급실 중증도 분류 AI 공동연구": "응급실 연간 내원 환자는 약 9만 명입니다.",
"수술실 마취 기록 및 동맥압 파형 데이터": "데이터는 수술 종류와 환자 기저질환 정보와 함께 제공됩니다.",
"척추 유합 케이지 임상 평가": "골이식재 없이 사용하는 다공성 케이지의 비교 연구도 진행 중입니다.",
"회전근개 봉합 후 힘줄 치유 연구": "연간 회전근개 봉합술 600건을 시행합니다.",
"조기위암 내시경 영상 AI 공동개발": "내시경 점막하박리술 결과와 연결된 병변 경계 라벨도 일부 있습니다.",
"간세포암 절제 조직 및 혈청 바이오뱅크": "종양 조직은 동결 조직과 파라핀 블록 형태로 모두 보관합니다.",
"본태떨림 집속초음파 치료 및 떨림 정량화": "시술 후 1년간 떨림 점수와 부작용을 추적하고 있습니다.",
"신장이식 면역억제제 임상": "공여자 특이 항체 검사를 정기적으로 시행합니다.",
"과민성방광 및 야간뇨 임상": "노인 환자 비율이 높아 인지 기능 평가도 함께 시행합니다.",
"고도비만 대사수술 후 장기 추적 코호트": "수술 전후 체성분 검사와 식이 상담 기록이 함께 관리됩니다.",
"갑상선안병증 생물학적제제 임상": "안와 MRI로 외안근 부피 변화를 측정합니다.",
"뇌동맥류 코일 색전술 및 유동전환 스텐트": "3차원 혈관조영 영상을 이용한 동맥류 형태 분석 연구도 수행합니다.",
"조현병 장기지속형 주사제 임상": "재입원과 치료 중단율을 2년간 추적한 자료가 있습니다.",
"교원창업 바이오벤처 시드 투자 및 기술이전": "투자 대상은 원칙적으로 소속 교원이 창업한 기업으로 한정됩니다.",
"의료기기 사용성 평가 시험실": "시험 결과는 인허가 제출용 사용적합성 보고서 형식으로 정리합니다.",
"전신홍반루푸스 바이오마커 연구": "매 방문 시 SLEDAI 점수와 보체 수치를 기록합니다.",
"골다공증 치료 펩타이드 기술이전": "비임상 독성 자료는 아직 확보되지 않은 초기 단계 기술입니다.",
"소아 천식 흡입제 순응도 연구": "흡입기에 부착하는 센서로 사용 기록을 자동 수집합니다.",
"특발성 폐섬유증 코호트": "혈액 검체를 매년 채취해 바이오뱅크에 보관합니다.",
"습성 황반변성 항VEGF 주사제 임상": "치료 간격 연장 요법의 실사용 자료도 보유하고 있습니다.",
"안구건조증 점안제 임상": "마이봄샘 기능장애 환자를 위한 온열 치료기 평가 경험도 있습니다.",
"침습성 진균감염 조기진단 연구": "흉부 CT 소견과 진균 배양 결과가 함께 정리되어 있습니다.",
"의료관련감염 감시 자료": "원인균과 항생제 감수성 결과가 감염 사례별로 연결되어 있습니다.",
"Breast reconstruction and lymphoedema research": "Arm volume is measured with perometry and bioimpedance before and after surgery.",
"Early breast cancer adjuvant endocrine therapy cohort": "Patient-reported side effects such as joint pain and hot flushes are collected every six months.",
"Multiparametric prostate MRI dataset": "Lesion contours were drawn by two genitourinary radiologists.",
"Digitised breast cancer HER2 immunohistochemistry archive": "Slides were scanned at 20x and reviewed by breast pathologists.",
"Gestational diabetes pregnancy cohort": "Postpartum glucose tests at six weeks and one year are included for most mothers.",
"Type 2 diabetes oral drug trial site": "About 6,000 people with type 2 diabetes attend our outpatient clinic.",
"Coronary CT angiography plaque dataset": "Plaque volumes were measured with semi-automated software by cardiac radiologists.",
"Resting 12-lead ECG archive": "Each tracing is linked to lab values drawn within 24 hours.",
"Clinical PET/CT imaging core for oncology trials": "Scanner calibration and phantom testing are performed monthly.",
"Proton therapy center": "A gantry room is reserved for research beam time on weekends.",
"Polysomnography data archive": "Demographic data and Epworth sleepiness scores accompany each study.",
"Migraine headache registry": "Treatment response to preventive medications is recorded at each visit.",
"Vitiligo phototherapy and topical trial experience": "Patients are mostly adults with non-segmental vitiligo.",
"Acne scar laser device studies": "Split-face designs are commonly used in our device studies.",
"Liver transplant outcomes programme": "Donor and recipient outcomes are followed for at least five years.",
"Chronic hepatitis B antiviral trials": "Liver stiffness is measured every year.",
"Exoskeleton gait training for spinal cord injury": "Sessions are supervised by physical therapists trained on three exoskeleton models.",
"Cardiac rehabilitation programme": "Peak oxygen uptake is measured before and after the 12-week course.",
"Hip fracture registry in older adults": "Time to surgery and post-operative delirium are also captured.",
"Pre-operative geriatric assessment programme": "Post-operative complications and length of stay are recorded.",
"Respiratory virus swab repository": "Ct values and co-detections are recorded for each sample.",
"Community-acquired pneumonia antibiotic trials": "Chest imaging is reviewed by a thoracic radiologist for every enrolled patient.",
"Autism early screening research": "Families are followed up until school age.",
"Adult ADHD medication trials": "Outcomes are measured with the adult ADHD investigator symptom rating scale.",
"Cochlear implant center": "Paediatric recipients are followed with language development assessments.",
"Tinnitus sound therapy research": "About 300 patients a year enter our tinnitus programme.",
"Orthodontic clear aligner research": "About 400 patients a year are treated with aligners.",
"Periodontitis saliva biobank": "Samples are stored at -80°C with smoking and diabetes status.",
"Metastatic pancreatic cancer chemotherapy trials": "Tumour tissue from diagnostic biopsies is available for translational sub-studies.",
"Biliary stent evaluation in the endoscopy unit": "Both malignant and benign strictures are included.",
"Clinical immunology lab for vaccine trial samples": "Assays are validated for serum and PBMC samples.",
"Allogeneic stem cell transplantation programme": "Chimerism and minimal residual disease testing are available.",
"Lymphoma bispecific antibody trials": "About 150 patients with relapsed lymphoma are referred each year.",
"Breast ultrasound imaging archive": "Lesions are annotated with bounding boxes by breast radiologists.",
"Thyroid surgery and nerve monitoring studies": "Voice outcomes are measured with acoustic analysis.",
"Left ventricular assist device programme": "Haemocompatibility events are reviewed by a dedicated committee.",
"Minimally invasive mitral valve surgery": "Echocardiographic follow-up is performed at one and five years.",
"Gout and hyperuricaemia clinic": "Tophus size is measured by ultrasound.",
"Pharmacogenomics and therapeutic drug monitoring lab": "The lab is accredited for clinical testing.",
"Severe asthma biologics clinic": "Exacerbation history and oral steroid use are recorded at every visit.",
"Drug allergy testing service": "The service also offers desensitisation protocols for chemotherapy drugs.",
"Gynaecologic oncology trials": "About 300 new ovarian cancer patients are treated each year.",
"Endometriosis patient registry": "Fertility outcomes are recorded for patients trying to conceive.",
"Keloid and hypertrophic scar treatment research": "Recurrence after excision is followed for two years.",
"Pressure injury prevention in intensive care": "Skin assessments are done twice a day by trained nurses.",
"Clinical data warehouse with NLP-structured reports": "Typical requests are fulfilled within eight weeks.",
"Regional pharmacovigilance center": "About 8,000 reports are reviewed each year.",
}

# Further detail sentences for the shortest general distractors.
EXTRA3 = {
"GCP 교육 및 연구간호사 양성 과정": "식약처 지정 임상시험 종사자 교육기관으로 온라인 보수교육 과정도 운영합니다.",
"의생명 통계 및 임상 설계 자문": "적응적 설계와 베이지안 분석이 필요한 연구자 임상 계획서 작성을 여러 차례 지원했습니다.",
"폐경기 호르몬 치료 연구": "폐경 여성 1,000명 이상의 증상 설문과 호르몬 검사 자료가 축적되어 있습니다.",
"주사비(로사세아) 레이저 치료 연구": "연간 주사비 신환 400명을 진료합니다.",
"임상시험심사위원회(IRB) 중앙심사 서비스": "연간 300건 이상의 다기관 과제를 심의하며 평균 심의 기간은 3주입니다.",
"소아 가와사키병 연구": "연간 80여 명의 환아를 진단하며 관상동맥 초음파 추적 자료가 있습니다.",
"신생아 선별검사 확진 검사실": "확진 후 소아내분비·대사 클리닉으로 바로 연계해 치료를 시작합니다.",
"스포츠 손상 십자인대 재건": "프로 및 아마추어 선수 재활 프로그램과 연계되어 있습니다.",
"요양병원 연계 감염 관리": "카바페넴 내성균 보균 선별 검사 결과를 분기별로 공유합니다.",
"인공호흡기 및 고유량 산소요법 연구": "내과계 중환자실 28병상에서 연구를 수행합니다.",
"남성 난임 정액 분석 연구": "연간 정액 검사 3,000건을 시행합니다.",
"어지럼증 전정기능 검사실": "이석증 재발과 전정 재활 효과를 추적하는 연구를 하고 있습니다.",
"인체 조직은행 운영": "조직 처리 시설은 식약처 인체조직은행 허가를 받았습니다.",
"턱관절 장애 클리닉": "연간 신환 1,000명 이상을 진료합니다.",
"정맥혈전색전증 항응고제 연구": "연간 약 500명의 신규 환자가 등록됩니다.",
"바이오 기업 해외진출 지원": "미국과 유럽 바이오 클러스터 기관과 협약을 맺고 있습니다.",
"복막투석 원격 모니터링": "환자별 투석 처방 변경 이력과 잔여 신기능 자료가 연결되어 있습니다.",
"3D 바이오프린팅 연구실": "압출식과 광경화식 프린터를 모두 보유하고 있습니다.",
"치아 우식 예방 불소 바니시 연구": "지역 보건소 구강보건실과 협력해 진행합니다.",
"헌팅턴병 및 유전성 운동질환 유전상담": "척수소뇌실조증 등 유전성 실조증 가족도 함께 관리합니다.",
"영장류 실험동물 시설": "AAALAC 인증을 받은 사육 시설을 운영합니다.",
"소아 척추측만증 보조기 연구": "전신 저선량 X선 촬영 장비로 방사선 노출을 줄여 추적합니다.",
"요로결석 체외충격파 쇄석술": "신규 쇄석기와 레이저 장비 비교 평가 경험이 있습니다.",
"형질전환 마우스 제작 서비스": "배아 동결과 계통 재생 서비스도 제공합니다.",
"유전성 혈관부종 진료": "국내 환자 단체와 협력해 질환 인식 개선 활동을 합니다.",
"만성 부비동염 생물학적제제 임상": "연간 비용종 수술 300건을 시행하며 수술 조직을 연구용으로 보관합니다.",
"조산 예방 연구": "자궁경부 길이 초음파 측정을 임신 중기에 일괄 시행합니다.",
"캡슐내시경 판독 데이터": "소장 출혈 원인 병변 사진과 최종 진단명이 연결되어 있습니다.",
"스마트워치 혈중산소 측정 정확도 연구": "만성 폐질환 환자 150명을 대상으로 했습니다.",
"체온 연속 측정 패치 소아 연구": "보호자 만족도와 피부 자극 여부도 함께 평가했습니다.",
"패혈증 신속진단 바이오센서 기술이전": "혈액 배양 대비 검출 시간을 크게 줄인 결과를 확보했습니다.",
"간호 기록 음성인식 연구": "병동 3곳에서 6개월간 시범 운영했습니다.",
"한선염 환자 진료 및 임상": "성형외과와 함께 광범위 절제술 후 재건을 시행합니다.",
"복부 CT 간 분할 데이터": "영상의학과 전문의가 모든 라벨을 검수했습니다.",
"약물전달 나노입자 플랫폼 기술이전": "랫드 약동학 시험에서 생체이용률 개선을 확인했습니다.",
"위식도역류질환 식도 기능 검사실": "역류 증상 환자의 내시경 소견과 검사 결과가 연결되어 있습니다.",
"의료 로봇 약제 자동화 시스템": "자동 약품 분배기와 스마트 약품 보관함도 운영하고 있습니다.",
"만성 요통 가상현실 운동 프로그램": "참여 환자 120명의 운동 기록이 자동 저장되었습니다.",
"청소년 자살 예방 위기 개입 연구": "지역 교육청과 연계한 학교 기반 선별 사업도 참여하고 있습니다.",
"응급실 골절 X선 판독 보조 연구": "연구에는 응급의학과 전공의 40명이 참여했습니다.",
"NK세포 치료제 연구자 임상": "투여 후 NK세포 활성도와 키메리즘을 정기적으로 분석했습니다.",
"노인 다약제 복용 관리 연구": "입원 노인 환자 600명의 처방 자료를 분석했습니다.",
"뇌종양 수술 내비게이션 및 형광 유도 수술": "수술 중 신경생리 감시 팀이 상주합니다.",
"다낭성 신장질환 환자 코호트": "가족 단위 유전 상담도 함께 제공합니다.",
"윌슨병 환자 추적 관찰": "간 섬유화 검사와 안과 검사 결과도 함께 기록합니다.",
"알코올 사용장애 치료 연구": "간 기능 지표와 음주 일지를 함께 추적합니다.",
"항체 신약 특허 기술이전: 고형암 표적": "인간화 작업과 세포주 개발은 아직 진행되지 않았습니다.",
"아나필락시스 레지스트리": "참여 병원은 전국 15곳입니다.",
"포도막염 생물학적제제 치료": "연간 포도막염 신환 300명을 진료합니다.",
"연성 내시경 신제품 사용성 평가": "내시경 전문 간호사가 평가 과정에 참여합니다.",
"중심정맥관 감염 예방 드레싱 연구": "연구 결과는 원내 중심정맥관 관리 지침 개정에 반영되었습니다.",
"오가노이드 기반 약물 독성 평가": "평가 결과는 표준 보고서 형식으로 4주 내에 제공합니다.",
"의료기기 시제품 제작 지원센터": "시제품의 전기 안전 사전 점검도 도와드립니다.",
"골다공증 골절 예방 약물 임상": "척추 골절 환자 등록 경험이 많습니다.",
"스마트 인솔 낙상 위험 평가": "보행 속도와 좌우 비대칭 지표를 자동 산출합니다.",
"금연 치료 앱 임상 연구": "6개월 지속 금연율을 주요 평가 지표로 삼았습니다.",
"무균 충전 공정 교육 및 시설 이용": "클린룸 환경 모니터링 교육 과정도 운영합니다.",
"미국 FDA 510(k) 인허가 자문": "국내 식약처 인허가 업무는 다루지 않고 해외 인증에 집중합니다.",
"병원 물류 및 스마트 병상 관리": "환자 대기 시간 감소 효과를 분석한 보고서를 발표했습니다.",
"다발성경화증·시신경척수염 코호트": "혈청 항아쿠아포린-4 항체 검사를 원내에서 시행합니다.",
"경도인지장애 인지훈련 프로그램": "참여 어르신 200명의 2년 추적 결과를 분석 중입니다.",
"한국인 유전체 코호트 데이터": "10년간의 건강검진과 질병 발생 정보가 연결되어 있습니다.",
"간암 경동맥화학색전술(TACE) 임상": "시술 후 CT 반응 평가를 mRECIST 기준으로 시행합니다.",
"하지 말초동맥질환 풍선 및 스텐트 임상": "시술 후 1년 개통률을 도플러 초음파로 평가합니다.",
"성장호르몬 치료 소아 레지스트리": "치료 중 부작용 보고 체계를 갖추고 있습니다.",
"당뇨병 교육 간호 프로그램": "교육 전후 당화혈색소 변화를 분석해 왔습니다.",
"대변 미생물 이식(FMT) 은행": "지금까지 150명 이상의 환자에게 이식을 시행했습니다.",
"C형간염 선별검사 사업": "보건소 5곳과 협력하고 있습니다.",
"유방촬영술 판독 AI 검증 데이터": "이전 검사 영상도 함께 제공해 비교 판독 연구가 가능합니다.",
"CRISPR 유전자 편집 코어": "연간 100건 이상의 의뢰를 처리합니다.",
"제브라피시 독성 스크리닝": "형광 형질전환 계통을 이용한 장기 특이 독성 평가도 가능합니다.",
"신경병증성 통증 척수자극기 시술": "연간 신경병증성 통증 신환 700명을 진료합니다.",
"소아 골연령 X선 데이터": "성장판 폐쇄 시점까지 추적된 아동도 포함됩니다.",
"두경부암 환자 코호트와 HPV 검사": "연간 신환 약 200명을 등록합니다.",
"급성 신손상 소변 바이오마커 연구": "신대체요법 시행 여부와 90일 신기능 결과가 연결되어 있습니다.",
"마취 심도 모니터링 장비 평가": "수술 중 각성 위험이 높은 환자군을 대상으로 비교 연구를 했습니다.",
"인체유래물은행 일반 검체 분양": "분양 심의는 매월 1회 열립니다.",
"신생아 중환자실 미숙아 코호트": "연간 재원 신생아는 약 600명입니다.",
"암 환자 통증 관리 및 완화의료 연구": "통증 점수와 마약성 진통제 사용량을 전자의무기록에서 자동 추출합니다.",
"척수손상 환자 신경재생 연구": "랫드 척수 타박 모델과 행동 평가 장비를 보유하고 있습니다.",
"Paediatric hearing screening programme": "Infants who fail screening are followed in our audiology clinic until hearing aids or implants are fitted.",
"Remote cardiac implantable device clinic": "Arrhythmia episodes and lead alerts are stored for research use.",
"Systemic sclerosis lung involvement": "Serum samples are banked at each annual visit.",
"Bone fracture CT dataset": "Scans were acquired on four scanner models from two vendors.",
"Telemonitoring for home oxygen patients": "Nurses call patients when saturation falls below set thresholds.",
"Colonoscopy video archive": "Bowel preparation quality and withdrawal time are recorded for each procedure.",
"Fall detection radar sensors in wards": "The pilot covers 40 beds in two geriatric wards.",
"Mammography screening programme data": "Interval cancers are identified through linkage with the cancer registry.",
"Perinatal depression screening": "Women who screen positive are referred to a perinatal psychiatry clinic.",
"Cell-free DNA prenatal testing lab": "Positive results are confirmed with amniocentesis in our fetal medicine unit.",
"Sexually transmitted infection clinic": "Partner notification and follow-up testing are routine.",
"Hand surgery and nerve repair research": "About 200 nerve repairs are performed each year.",
"Neonatal intensive care bronchopulmonary dysplasia studies": "Respiratory outcomes are followed to two years of corrected age.",
"Dog and minipig dermal toxicity": "Histopathology is read by board-certified veterinary pathologists.",
"Strabismus and amblyopia paediatric clinic": "About 1,500 children are treated each year.",
"Melanoma dermoscopy teledermatology": "Referral images are paired with final histology when lesions are excised.",
"Sterile injectable formulation lab": "Small-scale lyophilisers support cycle development.",
"Patent licensing: tumour-targeting peptide": "The peptide can be conjugated to small-molecule payloads.",
"Psoriatic arthritis imaging cohort": "Patients are recruited from both dermatology and rheumatology clinics.",
"Menopause and bone health cohort": "Fracture events are confirmed from medical records.",
"Irritable bowel syndrome diet research": "About 300 patients have completed the diet programme.",
"Inflammatory bowel disease faecal calprotectin studies": "Patients send samples from home using a smartphone reader.",
"Gambling and internet gaming disorder clinic": "About 200 adolescents are treated each year.",
"Oral microbiome and caries research": "Around 600 children are enrolled.",
"Cornea transplant eye bank": "About 300 corneal grafts are distributed each year.",
"Rodent behavioural testing facility": "Experiments can be run under blinded conditions by core staff.",
"Hand hygiene compliance sensors": "The system sends real-time reminders to staff badges.",
"Growth and puberty disorders clinic": "Growth hormone stimulation tests are performed in a day-care unit.",
"Preterm birth biomarker biobank": "Samples were collected at 16 to 24 weeks of gestation.",
"Hidradenitis suppurativa surgical care": "About 80 operations are performed each year.",
"Paediatric obesity lifestyle programme": "Sessions combine dietitian counselling with a step-count app.",
"Smart infusion pump safety study": "The study covers 600 pumps across all adult wards.",
"European MDR and CE marking training": "Trainers include former notified body auditors.",
"Hospital pharmacy compounding robot": "Dose accuracy is verified gravimetrically for every preparation.",
"PTSD trauma-focused therapy research": "Treatment is delivered by trained clinical psychologists.",
"Operating room workflow analytics": "Results are shared with surgical departments every month.",
"Mesenchymal stem cell trials in graft-versus-host disease": "Response was assessed at day 28 and day 56.",
"Disaster medicine simulation centre": "The centre has a decontamination area and field hospital tents.",
"Acute kidney injury electronic alert study": "Outcomes include dialysis need and 30-day mortality.",
"Biostatistics consulting for device trials": "Sample size and interim analysis plans are provided in written reports.",
"Kawasaki disease echocardiography follow-up": "Acute-phase treatment and IVIG response are recorded.",
"Transplant infectious disease clinic": "Pre-transplant infection screening is done for all candidates.",
"Bipolar disorder mood tracking study": "Sleep and activity patterns are derived from phone sensors.",
"Single-cell sequencing core": "Sample preparation training is offered to external users.",
"Antisense oligonucleotide chemistry lab": "Purity is confirmed by LC-MS for every batch.",
"Health technology assessment and pricing support": "Budget impact models are adapted to Korean payer data.",
"Clinical trial site feasibility network": "Feasibility answers are usually returned within two weeks.",
"Clinical exome sequencing service": "Variant interpretation follows ACMG guidelines.",
"Voice disorder clinic": "Voice therapy outcomes are tracked with patient-reported scales.",
"Multiple sclerosis MRI and relapse database": "Scans use a harmonised 3T protocol.",
"Scrub typhus and tick-borne disease research": "About 150 confirmed cases are seen each autumn.",
"Behçet's disease registry": "Blood samples are stored for genetic studies.",
"Lung transplant programme": "Bronchoscopic surveillance biopsies are stored for research.",
"Emergency medical services data": "Bystander CPR and time intervals are included.",
"Coeliac and small bowel disease clinic": "About 500 patients with small bowel disorders are followed.",
"Olfactory dysfunction research": "About 250 patients have completed a 12-week training programme.",
"Eosinophilic oesophagitis clinic": "About 150 patients are followed.",
"Patent licensing: antiviral small molecules": "The compounds have not yet been tested in animals for efficacy.",
"Dental 3D printing lab": "The lab supports the dental school's prosthodontics department.",
"Dry eye diagnostic equipment evaluation": "About 200 patients take part in each evaluation.",
"Schizophrenia early psychosis programme": "Blood samples are collected for inflammatory markers.",
"Brain CT haemorrhage detection dataset": "Both emergency and follow-up scans are included.",
"Mass spectrometry proteomics core": "Data analysis support is included in the service fee.",
"Induced pluripotent stem cell disease models": "About 40 patient lines have been banked.",
"Uterine fibroid focused ultrasound": "Symptom scores are collected for two years.",
"Anaesthesia airway device evaluation": "About 30,000 general anaesthetics are given each year.",
"Hospital venture fund for later-stage medtech": "The fund does not invest in pre-revenue start-ups.",
"Nursing home telemedicine programme": "About 1,500 residents are covered.",
"Coronary physiology research": "Patients are followed for major adverse cardiac events for five years.",
"Neuropathic pain clinical trials": "About 40 patients are enrolled in a typical study.",
"Skin aging photoprotection study unit": "Panels of volunteers with different skin types are available.",
"Robotic surgery training centre": "Courses cover urology, gynaecology and general surgery.",
"Restless legs syndrome clinic": "Actigraphy is used to measure leg movements at home.",
"Hip arthroplasty implant registry": "Data go back to 2005.",
"Kidney stone metabolic clinic": "About 400 patients are seen each year.",
"Paediatric urology and hypospadias surgery": "Photographs are taken at each follow-up visit.",
"Sleep apnoea oral appliance research": "Side effects such as bite changes are monitored.",
"Post-stroke depression screening": "Screening uses validated Korean versions of standard questionnaires.",
"Diabetic foot ulcer offloading research": "About 250 patients are followed.",
"Syncope and autonomic testing unit": "Heart rate variability and blood pressure data are archived.",
}


EXTRA3.update({
"위암 로봇수술 영상 데이터와 수술기구 평가": "수술 영상은 수술 단계와 출혈 사건 단위로 주석 작업이 일부 완료되어 있습니다.",
"체부 정위방사선치료(SBRT) 임상 연구": "호흡 동조 장치와 표면 유도 방사선치료 시스템을 갖추고 있습니다.",
"소아암 장기 생존자 추적 관리": "성인기 전환 진료를 위해 내과와 연계한 클리닉을 운영합니다.",
"교모세포종 환자 유래 오가노이드": "오가노이드별 MGMT 메틸화 상태와 환자 생존 정보가 연결되어 있습니다.",
"환자 유래 이종이식(PDX) 마우스 모델": "모델 확립부터 효능 평가까지 평균 3개월이 소요됩니다.",
"암 유전체 NGS 패널 검사실": "검사 결과는 분자종양위원회에서 매주 검토됩니다.",
"자궁경부암 선별 HPV 자가채취 연구": "자가채취 키트의 검체 안정성 평가도 함께 수행했습니다.",
"흑색종 및 피부암 더모스코피 영상": "병변별 임상 사진과 병리 진단이 함께 정리되어 있습니다.",
"항암치료 중 오심·구토 관리 앱 연구": "시범 운영에는 환자 150명이 참여했습니다.",
"육종 및 희귀암 다학제 진료": "종양 조직의 분자병리 검사 결과가 데이터베이스로 관리됩니다.",
"갑상선암 방사성요오드 치료 병동": "연간 방사성요오드 치료 600건을 시행합니다.",
"고지혈증 PCSK9 억제제 임상": "지질 성분 정밀 분석을 위한 검사실을 함께 운영합니다.",
"폐동맥고혈압 환자 레지스트리": "심초음파와 NT-proBNP 추이도 함께 기록되어 있습니다.",
"심장 아밀로이드증 진단 연구": "신경과와 협력해 유전성 아밀로이드증 가족 선별을 진행합니다.",
"선천성 심장병 소아 심장수술": "수술 후 심초음파와 심장 MRI 추적 자료가 있습니다.",
"관상동맥 중재술 다기관 레지스트리": "참여 병원 20곳에서 자료를 수집합니다.",
"항암치료 관련 심장독성 코호트": "심장독성 발생 환자의 치료 경과도 추적합니다.",
"심장이식 및 거부반응 모니터링": "이식 후 관상동맥 혈관병증 추적 자료도 보유합니다.",
"근위축성 측삭경화증(루게릭병) 임상": "환자 혈액과 뇌척수액 검체를 보관하고 있습니다.",
"편두통 예방 치료 연구": "약물 과용 두통 환자 비율이 높은 3차 의료기관입니다.",
"치매 환자 보호자 지원 앱 연구": "앱 사용 기록과 설문 응답을 연구 목적으로 분석할 수 있습니다.",
"수면 중 코골이 소리 분석 연구": "수면 자세 정보도 함께 기록되어 있습니다.",
"부신 질환 및 쿠싱증후군 진료": "부신 우연종 환자 1,500명의 호르몬 검사 자료도 있습니다.",
"다낭성난소증후군 대사 연구": "난임 치료 결과와의 연관성도 분석하고 있습니다.",
"크론병·궤양성대장염 생물학적제제 임상": "소아 염증성장질환 환자도 소아청소년과와 함께 진료합니다.",
"헬리코박터 제균 치료 연구": "연간 제균 치료 환자는 약 3,000명입니다.",
"대장 용종 내시경 실시간 검출 시스템 평가": "내시경 전문의 20명이 연구에 참여했습니다.",
"IgA 신병증 신장조직검사 레지스트리": "진단 시점의 혈청과 소변 검체도 일부 보관하고 있습니다.",
"전립선비대증 최소침습 시술": "시술 후 사정 기능 보존 여부도 평가합니다.",
"중증열성혈소판감소증후군(SFTS) 환자 진료 경험": "중증 환자의 혈장교환술 등 치료 경과 자료가 있습니다.",
"장기이식 환자 거대세포바이러스 감염 연구": "바이러스 특이 T세포 면역 검사도 연구용으로 시행합니다.",
"항생제 적정사용 관리 프로그램": "감염내과 전문의와 약사가 함께 처방을 검토합니다.",
"신종감염병 음압격리병상 운영": "감염병 전담 간호 인력 40명을 보유하고 있습니다.",
"소아 근시 진행 억제 연구": "야외 활동 시간과 근거리 작업 시간 설문도 함께 수집합니다.",
"백내장 인공수정체 임상": "수술 영상 기록과 굴절 결과가 연결되어 있습니다.",
"원추각막 각막교차결합술": "연간 시술 건수는 약 150건입니다.",
"피부 마이크로바이옴 연구": "유전체 분석은 외부 분석 기관과 협력합니다.",
"듀센 근디스트로피 환자 클리닉": "심장 MRI로 심근 침범 여부를 정기 평가합니다.",
"수술 로봇 동물실습 교육센터": "교육 일정이 없는 기간에는 외부 교육 과정 대관이 가능합니다.",
"비대면 진료 시범사업 운영 경험": "원격 진료 중 혈압, 혈당 측정값을 함께 전송받았습니다.",
"뇌 MRI 백질 변성 분할 데이터": "대상자의 혈관 위험인자와 인지 검사 결과도 제공됩니다.",
"무릎 관절 X선 골관절염 등급 데이터": "정형외과 전문의 2인이 등급을 합의해 판정했습니다.",
"피부 병변 스마트폰 사진 데이터": "다양한 조명과 기종에서 촬영된 사진이 포함되어 있습니다.",
"유도만능줄기세포(iPSC) 분화 연구 플랫폼": "환자 유래 iPSC 세포주 50여 종을 보유합니다.",
"바이러스 벡터 GMP 생산 시설": "생산 규모는 최대 200L 배양까지 가능합니다.",
"임신 출생 코호트": "산모의 식이와 환경 노출 설문 자료도 수집합니다.",
"건강검진 빅데이터 연구": "복부 초음파, 내시경 소견 등 검사 결과가 구조화되어 있습니다.",
"바이오의약품 CHO 세포 파일럿 공정": "정제 공정용 크로마토그래피 장비도 함께 갖추고 있습니다.",
"신의료기술평가 및 건강보험 등재 자문": "보건의료 정책 연구 경험이 있는 교수진이 참여합니다.",
"체외진단기기 임상 성능시험 기관": "연간 20건 이상의 성능시험을 수행합니다.",
"인공관절 수술 로봇 임상": "수술 시간과 출혈량 등 수술 지표를 전향적으로 기록합니다.",
"구강암 조기 진단 연구": "구강 스크리닝 영상 장비 평가 경험도 있습니다.",
"의료 영상 비식별화 및 데이터 가공 인프라": "원내 연구자들의 AI 과제 30여 건이 이 플랫폼을 이용했습니다.",
"전자의무기록 표준화 및 FHIR 연동": "표준 용어 매핑(SNOMED CT, LOINC) 작업을 완료했습니다.",
"Hepatocellular carcinoma systemic therapy trials": "Tumour response is assessed centrally with mRECIST.",
"Gastric cancer surgical outcomes database": "About 1,000 gastrectomies are added every year.",
"Head and neck cancer radiotherapy research": "Dental and nutrition teams are part of the care pathway.",
"Paediatric brain tumour consortium site": "Neurocognitive outcomes are assessed after treatment.",
"Ovarian cancer tissue microarray collection": "Whole-slide images of the original tumours are also available.",
"Sarcoma tumour organoid platform": "Drug response results are returned within three weeks.",
"Cancer survivorship exercise programme": "About 400 survivors join the programme each year.",
"Radiation dermatitis prevention studies": "About 1,200 breast radiotherapy patients are treated each year.",
"Tumour-infiltrating lymphocyte research lab": "Tumour samples come from surgical resections at the affiliated hospital.",
"Liquid biopsy research in lung cancer EGFR monitoring": "Tissue genotyping results are available for comparison.",
"Nasopharyngeal and oral cancer screening outreach": "Suspicious lesions are referred for biopsy at the university hospital.",
"Bladder cancer intravesical therapy trials": "About 300 new bladder cancer patients are treated each year.",
"Kidney cancer surgical video library": "Pathology and renal function outcomes are linked to each case.",
"Hypertension salt-intake research": "Home blood pressure readings are collected twice daily.",
"Heart failure drug trials with NT-proBNP monitoring": "Cardiopulmonary exercise testing is available in the clinic.",
"Familial hypercholesterolaemia genetic screening": "Lipid levels and treatment history are recorded for each relative.",
"Cardiac MRI core lab": "Turnaround for trial reads is usually two weeks.",
"Aortic aneurysm endograft surveillance": "Imaging is stored in a research PACS.",
"Deep vein thrombosis ultrasound programme": "Scans are performed by accredited vascular sonographers.",
"ALS clinic with respiratory monitoring": "Nutrition and gastrostomy decisions are documented.",
"Traumatic brain injury intensive care research": "About 250 severe TBI patients are admitted each year.",
"Essential tremor deep brain stimulation programme": "Stimulation settings are logged at every programming visit.",
"Autoimmune encephalitis antibody testing": "Clinical outcome data are linked for cases treated in-house.",
"Vascular dementia caregiver support research": "About 200 families have taken part.",
"Epilepsy surgery outcomes": "Resected tissue is stored in a brain tissue bank.",
"Thyroid eye disease orbital imaging": "About 400 patients are followed.",
"Type 1 diabetes paediatric education camp": "Diabetes nurses and dietitians run the sessions.",
"Primary aldosteronism adrenal vein sampling": "Saline infusion test results are recorded for all patients.",
"Bone densitometry and fracture liaison service": "Treatment adherence is checked by phone at six and twelve months.",
"Pituitary tumour surgery center": "Endoscopic endonasal surgery is the standard approach.",
"Endoscopic ultrasound training centre": "Simulator sessions are recorded for skill assessment.",
"Gut microbiome sequencing core": "Sequencing data are delivered with standard taxonomic reports.",
"Glomerular disease biopsy archive": "Electron microscopy images are included for most cases.",
"Urinary incontinence device testing": "About 150 women take part in each study.",
"Hepatitis C elimination programme": "Cure rates are confirmed 12 weeks after treatment.",
"Malaria surveillance in border regions": "Cases are confirmed by microscopy and PCR.",
"Paediatric pneumococcal carriage study": "About 1,000 children are sampled each winter.",
"Mosquito-borne virus research lab": "The lab hosts visiting researchers from Southeast Asia.",
"Glaucoma surgery device studies": "Visual fields and OCT are measured every six months.",
"Age-related macular degeneration OCT archive": "Scans come from two OCT device vendors.",
"Chronic urticaria clinic": "About a quarter of the patients also have recurrent angioedema.",
"Ankylosing spondylitis biologic registry": "HLA-B27 status is available for all patients.",
"Osteoarthritis pain registry without intervention": "Analgesic prescriptions are extracted from the EHR.",
"Spinal cord stimulation outcomes registry": "About 300 implants are included.",
"Scoliosis surgical navigation": "About 120 scoliosis operations are performed each year.",
"Sports science biomechanics lab": "Testing is carried out by sports science graduate students and staff.",
"Bronchiectasis patient registry": "About 700 patients are enrolled at our site.",
"Lung nodule navigation bronchoscopy": "About 300 procedures are performed each year.",
"Air pollution and respiratory health cohort": "Spirometry is repeated every two years.",
"Eating disorder treatment unit": "Family-based therapy is offered to adolescents.",
"Chronic pain cognitive behavioural therapy": "About 250 patients complete the programme each year.",
"Allergen immunotherapy for house dust mite": "About 600 patients are on treatment at any time.",
"Smartphone cough sound dataset": "Recordings were made with several phone models.",
"Chest X-ray dataset with radiologist labels": "Bounding boxes are provided for nodules and masses.",
"Monoclonal antibody discovery platform": "Mouse, rabbit and human libraries are available.",
"Pilot-scale biologics process development": "Courses train about 100 engineers each year.",
"Rabbit ocular toxicology studies": "Studies follow OECD guidelines where applicable.",
"Patent licensing: wearable sweat sensor": "The sensor can be printed on flexible substrates at low cost.",
"Medical humanities and patient engagement": "Sessions are held monthly at the hospital.",
"Voice-based cognitive screening research": "Recordings are collected in a quiet room with a standard script.",
})


# Collaboration-logistics sentences. Real listings often end with such
# practical notes; they are appended (seeded) to many capability texts so that
# text length does not separate answers from distractors. "h" = only for
# clinical/hospital texts, "a" = any text.
BOILER_KO = [
    ("a", "협력 문의는 산학협력단을 통해 접수하며 계약 체결까지 보통 4~6주가 걸립니다."),
    ("h", "연구 참여 전 병원 IRB 심의가 필요하며 최소위험 연구는 신속 심의를 이용할 수 있습니다."),
    ("a", "최근 3년간 국내외 기업과 20여 건의 공동연구 계약을 체결했습니다."),
    ("a", "영문 계약서 검토와 해외 의뢰자와의 영어 회의 진행이 가능합니다."),
    ("a", "책임 연구자와의 사전 미팅을 통해 연구 범위와 일정을 먼저 구체화합니다."),
    ("h", "자료와 검체의 외부 제공은 기관 연구윤리 규정과 개인정보 보호 지침에 따라 이루어집니다."),
    ("a", "연구비 산정과 간접비 비율은 기관 내부 규정을 따릅니다."),
    ("h", "전담 연구코디네이터가 일정 관리와 의뢰자 소통을 맡습니다."),
    ("a", "관련 연구 성과를 국내외 학술지에 꾸준히 발표하고 있습니다."),
    ("a", "국가 연구개발 과제와 연계한 공동 수행도 검토할 수 있습니다."),
    ("a", "세부 논의 전에 비밀유지계약을 먼저 체결하는 것을 원칙으로 합니다."),
    ("h", "지역 협력 병원 네트워크를 통해 참여 규모를 늘릴 수 있습니다."),
    ("a", "의뢰 기관의 방문 실사를 언제든 환영합니다."),
    ("a", "결과 보고서는 국문과 영문으로 모두 제공할 수 있습니다."),
    ("a", "2015년 이후 관련 분야 국책과제를 여러 건 수행했습니다."),
    ("a", "진행 중인 과제가 많아 신규 협력은 분기 단위로 일정을 조율합니다."),
    ("a", "공동 성과의 지식재산권 귀속은 기여도에 따라 협의합니다."),
    ("a", "품질 관리를 위해 내부 표준작업지침(SOP)을 매년 개정합니다."),
    ("h", "공유 자료를 활용한 논문은 투고 전 기관 검토 절차를 거칩니다."),
    ("h", "전자증례기록(EDC) 시스템을 통한 원격 모니터링을 지원합니다."),
    ("a", "담당 부서 연락처는 기관 홈페이지 협력 안내 페이지에서 확인할 수 있습니다."),
    ("a", "중소·벤처기업과의 협력 경험이 많아 소규모 과제도 유연하게 진행합니다."),
]
BOILER_EN = [
    ("a", "Collaboration requests go through the industry-academic cooperation office, and contracts usually take four to six weeks."),
    ("h", "IRB approval is required before any project starts, with an expedited track for minimal-risk studies."),
    ("a", "We have signed more than 20 industry research agreements in the past three years."),
    ("a", "The team works in both English and Korean and is used to international partners."),
    ("a", "A short scoping meeting with the lead investigator is the usual first step."),
    ("h", "Any external sharing of data or samples follows the institution's research ethics and privacy policies."),
    ("a", "Budgets follow the institution's standard overhead rates."),
    ("h", "A dedicated research coordinator handles scheduling and sponsor communication."),
    ("a", "The group publishes regularly in international peer-reviewed journals."),
    ("a", "Joint applications for government R&D grants are welcome."),
    ("a", "A confidentiality agreement is normally signed before detailed discussions."),
    ("h", "Partner hospitals in our regional network can join to increase sample size."),
    ("a", "Partners are welcome to visit for a qualification visit."),
    ("a", "Reports can be delivered in English or Korean."),
    ("a", "The team has led several national research projects in this field since 2015."),
    ("a", "Because of current workload, new projects are scheduled on a quarterly basis."),
    ("a", "Ownership of resulting intellectual property is negotiated case by case."),
    ("a", "Standard operating procedures are reviewed every year as part of our quality system."),
    ("h", "Publications based on shared data go through an institutional review before submission."),
    ("h", "Remote monitoring is supported through our electronic data capture system."),
    ("a", "Contact details for the responsible office are listed on the institution's partnership page."),
    ("a", "We often work with small companies and can run modest pilot projects flexibly."),
]


# ===========================================================================
# Institutions (invented names; romanised name + Korean name)
# ===========================================================================
STEMS = [
    ("Hanbit", "한빛"), ("Saerom", "새롬"), ("Gaon", "가온"), ("Narae", "나래"),
    ("Dasom", "다솜"), ("Haneul", "하늘"), ("Cheongsol", "청솔"), ("Arum", "아름"),
    ("Baekrok", "백록"), ("Cheonghwa", "청화"), ("Daon", "다온"), ("Donghae", "동해"),
    ("Seohae", "서해"), ("Namsan", "남산"), ("Bukak", "북악"), ("Geumgang", "금강"),
    ("Yeongsan", "영산"), ("Nakdong", "낙동"), ("Seorak", "설악"), ("Jirisan", "지리산"),
    ("Gyerim", "계림"), ("Wolchul", "월출"), ("Songdo", "송도"), ("Gwanggyo", "광교"),
    ("Saebit", "새빛"), ("Hyeonmu", "현무"), ("Cheongram", "청람"), ("Soyang", "소양"),
    ("Hwarang", "화랑"), ("Gaya", "가야"), ("Tamna", "탐라"), ("Chungmu", "충무"),
    ("Hanul", "한울"), ("Nuri", "누리"), ("Bomnae", "봄내"), ("Gureum", "구름"),
    ("Eunbit", "은빛"), ("Haedam", "해담"), ("Dalbit", "달빛"), ("Byeolbit", "별빛"),
    ("Maru", "마루"), ("Saemmul", "샘물"), ("Purun", "푸른"), ("Hanmaeum", "한마음"),
    ("Onnuri", "온누리"), ("Barun", "바른"), ("Mirae", "미래"), ("Namhae", "남해"),
    ("Sobaek", "소백"), ("Taebaek", "태백"), ("Odae", "오대"), ("Gyeryong", "계룡"),
    ("Mudeung", "무등"), ("Palgong", "팔공"), ("Byeonsan", "변산"), ("Yeonhwa", "연화"),
]
SUFFIXES = [
    ("University Hospital", "대학교병원", "hospital", "uh"),
    ("Medical Center", "의료원", "hospital", "mc"),
    ("General Hospital", "종합병원", "hospital", "gh"),
    ("University", "대학교", "university", "u"),
    ("University College of Medicine", "대학교 의과대학", "university", "cm"),
    ("Institute of Science and Technology", "과학기술원", "university", "ist"),
]
REGIONS = [
    ("Seoul", "서울"), ("Seoul", "서울"), ("Seoul", "서울"), ("Gyeonggi", "경기"),
    ("Gyeonggi", "경기"), ("Incheon", "인천"), ("Busan", "부산"), ("Daegu", "대구"),
    ("Daejeon", "대전"), ("Gwangju", "광주"), ("Ulsan", "울산"), ("Sejong", "세종"),
    ("Gangwon", "강원"), ("Chungbuk", "충북"), ("Chungnam", "충남"), ("Jeonbuk", "전북"),
    ("Jeonnam", "전남"), ("Gyeongbuk", "경북"), ("Gyeongnam", "경남"), ("Jeju", "제주"),
]


def inst_description(rng, code, region, region_ko):
    beds = rng.choice([320, 450, 520, 610, 700, 780, 860, 950, 1050, 1200, 1400, 1750, 2000])
    en = {
        "uh": "Tertiary teaching hospital in %s with %s beds and a clinical trial center." % (region, format(beds, ",")),
        "mc": "Regional medical center in %s (%d beds) with an affiliated research institute." % (region, min(beds, 900)),
        "gh": "General hospital in %s with %d beds and a clinical research office." % (region, min(beds, 700)),
        "u": "Research university in %s with medical, pharmacy and engineering colleges and an industry-academic cooperation foundation." % region,
        "cm": "Medical school in %s with basic and translational research institutes and an affiliated hospital." % region,
        "ist": "Science and technology university in %s with biomedical engineering and life science departments." % region,
    }[code]
    ko = {
        "uh": "%s 소재 %s병상 규모의 대학병원으로 임상시험센터를 운영합니다." % (region_ko, format(beds, ",")),
        "mc": "%s 지역 거점 의료원(%d병상)으로 부설 연구소를 두고 있습니다." % (region_ko, min(beds, 900)),
        "gh": "%s 소재 %d병상 종합병원으로 임상연구 지원실을 운영합니다." % (region_ko, min(beds, 700)),
        "u": "%s 소재 연구중심대학으로 의과·약학·공과대학과 산학협력단을 두고 있습니다." % region_ko,
        "cm": "%s 소재 의과대학으로 기초·중개 연구소와 부속병원을 운영합니다." % region_ko,
        "ist": "%s 소재 과학기술 특성화 대학으로 의공학과 생명과학 학과를 두고 있습니다." % region_ko,
    }[code]
    return ko if rng.random() < 0.5 else en


def build_institutions(rng):
    insts = []
    for i, (rom, ko) in enumerate(STEMS):
        region, region_ko = rng.choice(REGIONS)
        # three distinct suffixes per stem: always one hospital-type
        hosp = [s for s in SUFFIXES if s[2] == "hospital"]
        uni = [s for s in SUFFIXES if s[2] == "university"]
        chosen = [rng.choice(hosp)]
        pool = [s for s in SUFFIXES if s not in chosen]
        # two thirds hospitals overall: second pick hospital-type with p=0.5
        if rng.random() < 0.5:
            chosen.append(rng.choice([s for s in hosp if s not in chosen]))
        else:
            chosen.append(rng.choice(uni))
        chosen.append(rng.choice([s for s in pool if s not in chosen]))
        for suf_en, suf_ko, kind, code in chosen:
            insts.append({
                "kind": kind,
                "name": "%s %s (%s%s)" % (rom, suf_en, ko, suf_ko),
                "region": region,
                "description": inst_description(rng, code, region, region_ko),
            })
    return insts


# ===========================================================================
# Assembly
# ===========================================================================
UNI_HINTS = ("대학", "university", "college", "school", "institute", "연구소", "연구실", " lab", "core")
CLINIC_HINTS = ("환자", "진료", "병동", "외래", "patients", "clinic", "ward", "hospital", "병원")


def preferred_kind(cap):
    text = (cap["title"] + " " + cap["description"]).lower()
    if any(h in text for h in CLINIC_HINTS):
        return "hospital"
    if any(h in text for h in UNI_HINTS):
        return "university"
    return None


def build():
    rng = random.Random(SEED)
    insts = build_institutions(rng)
    n_inst = len(insts)

    # --- answers -----------------------------------------------------------
    order = list(range(n_inst))
    rng.shuffle(order)
    used = set()
    answer_inst = []
    for q in QUERIES:
        want = q["inst_kind"] or "hospital"
        pick = next(i for i in order if i not in used and insts[i]["kind"] == want)
        used.add(pick)
        answer_inst.append(pick)

    # --- append extra detail sentences -------------------------------------
    for cap in [c for q in QUERIES for c in q["near"]] + GENERAL:
        if cap["title"] in EXTRA and not cap.get("_extended"):
            cap["description"] = cap["description"] + " " + EXTRA[cap["title"]]
            cap["_extended"] = True
    for q in QUERIES:
        for cap in q["near"]:
            if cap["title"] in EXTRA2 and not cap.get("_extended2"):
                cap["description"] = cap["description"] + " " + EXTRA2[cap["title"]]
                cap["_extended2"] = True
    for cap in GENERAL:
        if cap["title"] in EXTRA3 and not cap.get("_extended3"):
            cap["description"] = cap["description"] + " " + EXTRA3[cap["title"]]
            cap["_extended3"] = True
    # logistics sentences (seeded): general distractors most often, near
    # misses sometimes, answers occasionally -> overlapping length profiles
    brng = random.Random(SEED + 1)
    # English capability texts are longer on average, so English distractors
    # get logistics notes more often than Korean ones.
    roles = [(c, 0.85 if c["lang"] == "ko" else 0.95, 0.35 if c["lang"] == "ko" else 0.75)
             for c in GENERAL] + \
            [(c, 0.6 if c["lang"] == "ko" else 0.9, 0.1 if c["lang"] == "ko" else 0.5)
             for q in QUERIES for c in q["near"]] + \
            [(q["answer"], 0.25 if q["answer"]["lang"] == "ko" else 0.0, 0.0) for q in QUERIES]
    for cap, prob, prob2 in roles:
        if cap.get("_boiler"):
            continue
        cap["_boiler"] = True
        pool = BOILER_KO if cap["lang"] == "ko" else BOILER_EN
        clinical = preferred_kind(cap) == "hospital"
        usable = [t for scope, t in pool if scope == "a" or clinical]
        n = 0
        if brng.random() < prob:
            n = 1
            if brng.random() < prob2:
                n = 2
        for t in brng.sample(usable, n):
            cap["description"] = cap["description"] + " " + t

    # --- distractors (near misses + general) --------------------------------
    distractors = []  # (cap, forbidden_inst or None, role)
    for qi, q in enumerate(QUERIES):
        for cap in q["near"]:
            distractors.append((cap, answer_inst[qi], "near_miss"))
    for cap in GENERAL:
        distractors.append((cap, None, "general"))
    titles = [d[0]["title"] for d in distractors] + [q["answer"]["title"] for q in QUERIES]
    dup = {t for t in titles if titles.count(t) > 1}
    assert not dup, dup

    rng.shuffle(distractors)
    # Each institution gets a total of 1-3 capability listings. The total is
    # drawn from the same distribution for answer and non-answer institutions
    # so that listing counts per organisation carry no signal.
    n_caps = len(distractors) + len(QUERIES)
    target = [rng.choices([1, 2, 3], weights=[9, 36, 55])[0] for _ in range(n_inst)]
    while sum(target) != n_caps:
        i = rng.randrange(n_inst)
        if sum(target) < n_caps and target[i] < 3:
            target[i] += 1
        elif sum(target) > n_caps and target[i] > 1:
            target[i] -= 1
    cap_left = [target[i] - (1 if i in used else 0) for i in range(n_inst)]
    placed = [[] for _ in range(n_inst)]

    def fits(d, i):
        return d[1] != i and cap_left[i] > 0

    def place(d, i):
        placed[i].append(d)
        cap_left[i] -= 1

    # near misses first (they must avoid one institution), then a first
    # distractor for every institution with free slots, then the rest
    near = [d for d in distractors if d[1] is not None]
    general = [d for d in distractors if d[1] is None]
    for d in near:
        pk = preferred_kind(d[0])
        cands = [i for i in range(n_inst) if fits(d, i) and not placed[i]
                 and pk in (None, insts[i]["kind"])]
        if not cands:
            cands = [i for i in range(n_inst) if fits(d, i)]
        place(d, rng.choice(cands))
    inst_order = [i for i in range(n_inst) if not placed[i] and cap_left[i] > 0]
    rng.shuffle(inst_order)
    for i in inst_order:
        cands = [k for k, d in enumerate(general)
                 if preferred_kind(d[0]) in (None, insts[i]["kind"])]
        k = cands[0] if cands else 0
        place(general.pop(k), i)
    for d in general:
        pk = preferred_kind(d[0])
        cands = [i for i in range(n_inst) if fits(d, i) and pk in (None, insts[i]["kind"])]
        if not cands:
            cands = [i for i in range(n_inst) if fits(d, i)]
        place(d, rng.choice(cands))
    assert all(c == 0 for c in cap_left)

    # --- organisations ------------------------------------------------------
    orgs = []
    for i, inst in enumerate(insts):
        orgs.append(dict(inst, _key=("inst", i)))
    for qi, q in enumerate(QUERIES):
        orgs.append({"kind": "firm", "name": q["firm"], "region": q["region"],
                     "description": q["firm_desc"], "_key": ("firm", qi)})
    rng.shuffle(orgs)
    org_id = {}
    for n, o in enumerate(orgs, 1):
        org_id[o["_key"]] = "o%03d" % n

    # --- listings -----------------------------------------------------------
    listings = []  # (role, org_key, cap, side)
    for qi, q in enumerate(QUERIES):
        listings.append(("query", ("firm", qi), q["need"], "need"))
        listings.append(("answer", ("inst", answer_inst[qi]), q["answer"], "capability"))
    for i in range(n_inst):
        for cap, _forb, role in placed[i]:
            listings.append((role, ("inst", i), cap, "capability"))

    # one third of all listings without facet tags, stratified by role
    total = len(listings)
    target = math.ceil(total / 3.0)
    untag = set()
    by_group = {}
    for k, (role, _o, _c, _s) in enumerate(listings):
        group = role if role in ("query", "answer") else "distractor"
        by_group.setdefault(group, []).append(k)
    for group in ("query", "answer"):
        ks = sorted(by_group[group])
        rng.shuffle(ks)
        untag.update(ks[:round(len(ks) / 3.0)])
    ks = sorted(by_group["distractor"])
    rng.shuffle(ks)
    already = sum(1 for k in ks if not parse_tags(listings[k][2]["tags"]))
    need_more = target - len(untag) - already
    untag.update([k for k in ks if parse_tags(listings[k][2]["tags"])][:max(0, need_more)])

    recs = []
    for k, (role, okey, cap, side) in enumerate(listings):
        rec = {"type": "listing", "org": org_id[okey], "side": side,
               "title": cap["title"], "description": cap["description"]}
        if k not in untag:
            rec.update(parse_tags(cap["tags"]))
        rec["lang"] = cap["lang"]
        recs.append((role, rec))
    rng.shuffle(recs)
    for n, (_role, rec) in enumerate(recs, 1):
        rec_id = "l%04d" % n
        # put id right after type for readability
        items = list(rec.items())
        rec.clear()
        rec["type"] = "listing"
        rec["id"] = rec_id
        for key, val in items:
            if key != "type":
                rec[key] = val

    links = []
    for qi in range(len(QUERIES)):
        links.append({"type": "link", "a": org_id[("firm", qi)],
                      "b": org_id[("inst", answer_inst[qi])],
                      "kind": "partnership", "split": "test"})
    rng.shuffle(links)

    lines = []
    for o in orgs:
        lines.append({"type": "organization", "id": org_id[o["_key"]], "kind": o["kind"],
                      "name": o["name"], "region": o["region"], "country": "KR",
                      "description": o["description"]})
    lines.extend(rec for _r, rec in recs)
    lines.extend(links)
    return lines


def validate(path):
    """Re-read the written file and check structure and content requirements."""
    orgs, listings, links = {}, [], []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            obj = json.loads(line)
            t = obj["type"]
            if t == "organization":
                assert obj["id"] not in orgs, obj["id"]
                orgs[obj["id"]] = obj
            elif t == "listing":
                listings.append(obj)
            elif t == "link":
                links.append(obj)
            else:
                raise AssertionError("line %d: unknown type %r" % (n, t))
    ids = [l["id"] for l in listings]
    assert len(ids) == len(set(ids))
    for l in listings:
        assert l["org"] in orgs, l["id"]
        assert l["side"] in ("need", "capability")
        assert l["lang"] in ("ko", "en")
        for f in ("partnership_types", "technologies"):
            for v in l.get(f, []):
                assert v in PT.values() or v in TECH.values(), v
    for k in links:
        assert k["a"] in orgs and k["b"] in orgs, k
        assert orgs[k["a"]]["kind"] == "firm" and orgs[k["b"]]["kind"] != "firm"

    inst_ids = {i for i, o in orgs.items() if o["kind"] != "firm"}
    by_org = {}
    for l in listings:
        by_org.setdefault(l["org"], []).append(l)
    for i in inst_ids:
        caps = by_org.get(i, [])
        assert 1 <= len(caps) <= 3 and all(c["side"] == "capability" for c in caps), i
    firm_ids = {i for i, o in orgs.items() if o["kind"] == "firm"}
    needs = [l for l in listings if l["side"] == "need"]
    for f in firm_ids:
        assert len([l for l in by_org.get(f, []) if l["side"] == "need"]) == 1, f
    link_of = {k["a"]: k["b"] for k in links}
    assert set(link_of) == firm_ids and len(links) == len(firm_ids)

    ko_en = en_ko = 0
    for nd in needs:
        ans = by_org[link_of[nd["org"]]]
        assert any(c["lang"] != nd["lang"] for c in ans), nd["id"]
        if nd["lang"] == "ko":
            ko_en += 1
        else:
            en_ko += 1
    # every capability/need text has at least two sentences
    for l in listings:
        nsent = len([x for x in re.split(r"(?<=[.!?])\s+", l["description"].strip()) if x])
        assert nsent >= 2, (l["id"], l["title"])
    # every query has a same-language near miss held by another institution
    by_title = {}
    for l in listings:
        by_title.setdefault(l["title"], []).append(l)
    need_org = {}
    for nd in needs:
        need_org[nd["title"]] = nd["org"]
    for q in QUERIES:
        firm = need_org[q["need"]["title"]]
        ans_org = link_of[firm]
        ok = [c for c in q["near"] for l in by_title[c["title"]]
              if l["lang"] == q["lang"] and l["org"] != ans_org]
        assert ok, q["firm"]
    answer_titles = {q["answer"]["title"] for q in QUERIES}
    caps = [l for l in listings if l["side"] == "capability"]
    distractors = [c for c in caps if c["title"] not in answer_titles]
    untagged = [l for l in listings if not any(f in l for f in ("partnership_types", "therapeutic_areas", "technologies"))]
    dist_insts = {c["org"] for c in distractors}
    stats = {
        "organizations": len(orgs),
        "institutions": len(inst_ids),
        "institution_kinds": {k: sum(1 for i in inst_ids if orgs[i]["kind"] == k) for k in ("hospital", "university")},
        "firms": len(firm_ids),
        "listings": len(listings),
        "queries_ko_to_en": ko_en,
        "queries_en_to_ko": en_ko,
        "answer_capabilities": len(caps) - len(distractors),
        "distractor_capabilities": len(distractors),
        "distractors_ko": sum(1 for c in distractors if c["lang"] == "ko"),
        "distractors_en": sum(1 for c in distractors if c["lang"] == "en"),
        "institutions_with_distractors": len(dist_insts),
        "near_misses": sum(len(q["near"]) for q in QUERIES),
        "untagged_listings": len(untagged),
        "untagged_share": round(len(untagged) / float(len(listings)), 4),
        "untagged_queries": sum(1 for l in untagged if l["side"] == "need"),
        "links": len(links),
    }
    assert ko_en >= 24 and en_ko >= 24
    assert len(distractors) >= 320 and len(dist_insts) >= 150
    assert len(untagged) * 3 >= len(listings)
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
