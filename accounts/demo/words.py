"""Word lists the demo world is generated from (plain data, no logic).

Pairs are (Korean, romanised/English). Everything is invented except the public institutions in
``institutions.py``; emails and websites all live under ``demo.clusterlink.kr`` so demo mail can
never reach a real inbox.
"""

# Family names weighted roughly by frequency (Kim, Lee and Park cover ~45% of Koreans).
FAMILY_NAMES: list[tuple[str, str, int]] = [
    ("김", "Kim", 21), ("이", "Lee", 15), ("박", "Park", 8), ("최", "Choi", 5), ("정", "Jung", 5),
    ("강", "Kang", 3), ("조", "Cho", 3), ("윤", "Yoon", 3), ("장", "Jang", 2), ("임", "Lim", 2),
    ("한", "Han", 2), ("오", "Oh", 2), ("서", "Seo", 2), ("신", "Shin", 2), ("권", "Kwon", 2),
    ("황", "Hwang", 1), ("안", "Ahn", 1), ("송", "Song", 1), ("류", "Ryu", 1), ("홍", "Hong", 1),
    ("전", "Jeon", 1), ("고", "Ko", 1), ("문", "Moon", 1), ("양", "Yang", 1), ("배", "Bae", 1),
    ("백", "Baek", 1), ("허", "Heo", 1), ("남", "Nam", 1), ("노", "Noh", 1), ("하", "Ha", 1),
]

GIVEN_NAMES: list[tuple[str, str]] = [
    ("민준", "Minjun"), ("서연", "Seoyeon"), ("도윤", "Doyun"), ("지우", "Jiwoo"), ("하준", "Hajun"),
    ("서윤", "Seoyun"), ("시우", "Siwoo"), ("하은", "Haeun"), ("주원", "Juwon"), ("지민", "Jimin"),
    ("예준", "Yejun"), ("수아", "Sua"), ("건우", "Gunwoo"), ("지유", "Jiyu"), ("현우", "Hyunwoo"),
    ("채원", "Chaewon"), ("우진", "Woojin"), ("다은", "Daeun"), ("선우", "Sunwoo"), ("예린", "Yerin"),
    ("준서", "Junseo"), ("수빈", "Subin"), ("유준", "Yujun"), ("지현", "Jihyun"), ("승현", "Seunghyun"),
    ("은지", "Eunji"), ("동현", "Donghyun"), ("혜진", "Hyejin"), ("상훈", "Sanghoon"), ("미경", "Mikyung"),
    ("재영", "Jaeyoung"), ("소영", "Soyoung"), ("성민", "Sungmin"), ("유진", "Yujin"), ("태호", "Taeho"),
    ("정원", "Jungwon"), ("영수", "Youngsoo"), ("경희", "Kyunghee"), ("진혁", "Jinhyuk"), ("나연", "Nayeon"),
    ("병철", "Byungchul"), ("미라", "Mira"), ("준호", "Junho"), ("은영", "Eunyoung"), ("세훈", "Sehoon"),
]

# Job titles per organisation kind: (admin title, member titles); each title is (ko, en).
TITLES: dict[str, tuple[tuple[str, str], list[tuple[str, str]]]] = {
    "firm": (("대표이사", "CEO"), [
        ("최고기술책임자", "CTO"), ("연구소장", "Head of R&D"), ("사업개발 이사", "Director of Business Development"),
        ("임상개발 팀장", "Clinical Development Lead"), ("인허가 매니저", "Regulatory Affairs Manager"),
        ("수석연구원", "Principal Scientist"),
    ]),
    "hospital": (("산학협력단장", "Director of Industry Collaboration"), [
        ("임상시험센터 팀장", "Clinical Trial Centre Manager"), ("연구부원장", "Vice President for Research"),
        ("교수", "Professor of Medicine"), ("임상연구 코디네이터", "Clinical Research Coordinator"),
    ]),
    "university": (("산학협력단장", "Head of Industry–Academia Cooperation"), [
        ("교수", "Professor"), ("책임연구원", "Principal Researcher"), ("선임연구원", "Senior Researcher"),
        ("기술이전 전담관", "Technology Licensing Officer"),
    ]),
    "investor": (("대표 파트너", "Managing Partner"), [
        ("심사역", "Investment Manager"), ("수석 심사역", "Principal"), ("파트너", "Partner"),
    ]),
    "service": (("대표", "Managing Director"), [
        ("수석 컨설턴트", "Senior Consultant"), ("변리사", "Patent Attorney"), ("프로젝트 매니저", "Project Manager"),
    ]),
    "public": (("센터장", "Centre Director"), [
        ("선임연구원", "Senior Researcher"), ("사업 매니저", "Programme Manager"), ("책임", "Team Lead"),
    ]),
}
TTO_TITLE = ("기술사업화 매니저", "Technology Transfer Manager")

# Firm names are built from a prefix, a core and a suffix that depends on the firm's technology.
NAME_PREFIXES: list[tuple[str, str]] = [
    ("네오", "Neo"), ("젠", "Gen"), ("메디", "Medi"), ("테라", "Thera"), ("온코", "Onco"), ("카디오", "Cardio"),
    ("뉴로", "Neuro"), ("이뮨", "Immune"), ("비타", "Vita"), ("루미", "Lumi"), ("나노", "Nano"), ("큐라", "Cura"),
    ("헬릭스", "Helix"), ("퀀타", "Quanta"), ("비보", "Vivo"), ("옵티", "Opti"), ("더마", "Derma"), ("새빛", "Saebit"),
    ("푸른", "Purun"), ("하늘", "Haneul"), ("다온", "Daon"), ("아리", "Ari"), ("보라", "Bora"), ("솔", "Sol"),
    ("누리", "Nuri"), ("에버", "Ever"), ("액손", "Axon"), ("오믹", "Omic"), ("셀", "Cel"), ("하나", "Hana"),
    ("한빛", "Hanbit"), ("인사이트", "Insight"), ("프라임", "Prime"), ("스펙트라", "Spectra"), ("아이", "Eye"),
]
NAME_CORES: list[tuple[str, str]] = [
    ("젠", "gen"), ("셀", "cell"), ("바이오", "bio"), ("텍", "tech"), ("메딕스", "medix"), ("비전", "vision"),
    ("스캔", "scan"), ("센스", "sense"), ("패스", "path"), ("로직", "logic"), ("큐어", "cure"), ("맙", "mab"),
    ("진", "gene"), ("노바", "nova"), ("웨이브", "wave"), ("랩", "lab"), ("브릿지", "bridge"), ("포스", "force"),
    ("온", "on"), ("메드", "med"), ("사이트", "sight"), ("펄스", "pulse"), ("코어", "core"), ("링크", "link"),
]
NAME_SUFFIXES: dict[str, list[tuple[str, str]]] = {
    "small_molecule": [("파마", "Pharma"), ("테라퓨틱스", "Therapeutics"), ("제약", "Pharmaceutical")],
    "biologic": [("바이오로직스", "Biologics"), ("테라퓨틱스", "Therapeutics"), ("바이오", "Bio")],
    "cell_therapy": [("셀테라피", "Cell Therapy"), ("테라퓨틱스", "Therapeutics"), ("바이오", "Bio")],
    "gene_therapy": [("진테라피", "Gene Therapy"), ("테라퓨틱스", "Therapeutics"), ("바이오사이언스", "Biosciences")],
    "vaccine": [("백신", "Vaccines"), ("바이오", "Bio"), ("바이오사이언스", "Biosciences")],
    "medical_device": [("메디칼", "Medical"), ("메디텍", "Meditech"), ("디바이스", "Devices")],
    "diagnostic": [("다이아그노스틱스", "Diagnostics"), ("진단", "Dx"), ("바이오", "Bio")],
    "digital_health": [("헬스", "Health"), ("헬스케어", "Healthcare"), ("디지털", "Digital")],
    "ai_software": [("에이아이", "AI"), ("인텔리전스", "Intelligence"), ("랩스", "Labs")],
    "biomarker": [("오믹스", "Omics"), ("바이오", "Bio"), ("랩스", "Labs")],
    "imaging": [("이미징", "Imaging"), ("메디칼", "Medical"), ("비전", "Vision")],
    "regenerative": [("리젠", "Regen"), ("바이오", "Bio"), ("티슈", "Tissue")],
}

# What a firm of each technology makes: (ko, en) product phrases.
PRODUCTS: dict[str, list[tuple[str, str]]] = {
    "small_molecule": [("경구용 저분자 표적치료제", "oral small-molecule targeted therapies"),
                       ("개량신약", "improved reformulations of established drugs"),
                       ("단백질 분해 유도제(PROTAC)", "targeted protein degraders (PROTACs)")],
    "biologic": [("이중항체", "bispecific antibodies"), ("항체-약물 접합체(ADC)", "antibody–drug conjugates"),
                 ("바이오시밀러", "biosimilars")],
    "cell_therapy": [("CAR-T 세포치료제", "CAR-T cell therapies"), ("NK 세포치료제", "NK cell therapies"),
                     ("줄기세포 치료제", "stem-cell therapies")],
    "gene_therapy": [("AAV 기반 유전자치료제", "AAV-based gene therapies"),
                     ("유전자 편집 치료제", "gene-editing therapies"), ("mRNA 치료제", "mRNA therapeutics")],
    "vaccine": [("mRNA 백신", "mRNA vaccines"), ("재조합 단백질 백신", "recombinant protein vaccines"),
                ("항암 백신", "therapeutic cancer vaccines")],
    "medical_device": [("웨어러블 생체신호 모니터", "wearable vital-sign monitors"),
                       ("최소침습 수술기구", "minimally invasive surgical instruments"),
                       ("이식형 의료기기", "implantable devices")],
    "diagnostic": [("액체생검 진단키트", "liquid-biopsy test kits"), ("현장진단(POCT) 기기", "point-of-care tests"),
                   ("분자진단 패널", "molecular diagnostic panels")],
    "digital_health": [("디지털 치료제 앱", "digital therapeutics apps"),
                       ("원격 환자 모니터링 플랫폼", "remote patient-monitoring platforms"),
                       ("임상시험 환자 모집 플랫폼", "clinical-trial recruitment platforms")],
    "ai_software": [("AI 영상 판독 소프트웨어", "AI image-reading software"),
                    ("AI 신약 후보물질 발굴 플랫폼", "AI drug-discovery platforms"),
                    ("의료 데이터 분석 솔루션", "clinical data analytics")],
    "biomarker": [("동반진단 바이오마커", "companion-diagnostic biomarkers"),
                  ("마이크로바이옴 분석", "microbiome profiling"), ("단백체 바이오마커", "proteomic biomarkers")],
    "imaging": [("휴대용 초음파 장비", "portable ultrasound systems"), ("광학 영상 장비", "optical imaging systems"),
                ("PET 영상 추적자", "PET imaging tracers")],
    "regenerative": [("조직공학 피부 대체제", "tissue-engineered skin substitutes"),
                     ("오가노이드 기반 재생 치료", "organoid-based regenerative therapies"),
                     ("3D 바이오프린팅 인공조직", "3D-bioprinted tissues")],
}

# What a firm is looking for; phrased so the matcher (text + capacity parser) can read it.
FIRM_NEEDS: list[tuple[str, str]] = [
    ("제1상 임상시험을 12주 이내에 시작할 수 있는 병원을 찾고 있습니다.",
     "Looking for a hospital that can start a phase 1 trial within 12 weeks."),
    ("의료진과 함께 임상적 유효성을 검증할 파트너를 찾고 있습니다.",
     "Seeks clinicians to validate clinical performance."),
    ("비식별화된 병원 데이터와 영상 데이터를 활용하고자 합니다.",
     "Wants access to de-identified hospital and imaging data."),
    ("식약처 인허가 전략에 대한 자문이 필요합니다.", "Needs advice on the MFDS approval strategy."),
    ("시리즈 A 투자를 준비하고 있습니다.", "Preparing a Series A round."),
    ("해외 진출을 위한 멘토링을 원합니다.", "Looking for mentoring on going abroad."),
    ("GMP 시설과 공용 장비를 활용하고자 합니다.", "Wants to use GMP facilities and shared equipment."),
    ("공동 연구개발 및 기술이전 파트너를 찾고 있습니다.", "Open to co-development and licensing partners."),
]

# Invented investors, service firms: (ko stem, en stem) combined with the kind's suffixes.
INVESTOR_STEMS: list[tuple[str, str]] = [
    ("한빛", "Hanbit"), ("다온", "Daon"), ("새봄", "Saebom"), ("미래바이오", "Mirae Bio"), ("라이프", "Life"),
    ("청람", "Cheongram"), ("솔빛", "Solbit"), ("코어", "Core"), ("그린", "Green"), ("하이랜드", "Highland"),
    ("온누리", "Onnuri"), ("시드", "Seed"),
]
INVESTOR_SUFFIXES: list[tuple[str, str]] = [
    ("인베스트먼트", "Investment"), ("벤처스", "Ventures"), ("파트너스", "Partners"), ("캐피탈", "Capital"),
]
INVESTOR_FOCUS: list[tuple[str, str]] = [
    ("초기 바이오 스타트업(시드~시리즈 A)에 투자합니다.", "Invests in early biotech startups (seed to Series A)."),
    ("의료기기·디지털 헬스케어 기업에 투자합니다.", "Invests in medical-device and digital-health companies."),
    ("임상 단계 신약개발 기업의 성장 투자를 합니다.", "Growth investor in clinical-stage drug developers."),
    ("병원 창업 기업과 교원 창업에 특화된 액셀러레이터입니다.",
     "Accelerator specialised in hospital and faculty spin-outs."),
]
SERVICE_KINDS: list[tuple[str, str, str, str]] = [
    # (ko suffix, en suffix, ko description, en description)
    ("씨알오", "CRO", "임상시험 설계·모니터링·데이터 관리를 수행하는 임상시험수탁기관(CRO)입니다.",
     "Contract research organisation: trial design, monitoring and data management."),
    ("레귤러토리", "Regulatory", "식약처·FDA 인허가와 품질 시스템 구축을 자문합니다.",
     "Regulatory consultancy for MFDS and FDA submissions and quality systems."),
    ("특허법률사무소", "IP & Law", "바이오·의료기기 특허와 기술이전 계약을 전문으로 합니다.",
     "Patent and licensing law firm for biotech and medical devices."),
    ("비임상연구소", "Preclinical", "GLP 비임상 독성·효력 시험을 수행합니다.", "GLP preclinical toxicology and efficacy studies."),
    ("바이오로직스 CDMO", "CDMO", "바이오의약품 위탁개발·생산(CDMO) 서비스를 제공합니다.",
     "Contract development and manufacturing for biologics."),
]
SERVICE_STEMS: list[tuple[str, str]] = [
    ("클리니와이즈", "Cliniwise"), ("메디브릿지", "MediBridge"), ("한결", "Hangyeol"), ("바른", "Bareun"),
    ("트라이얼원", "TrialOne"), ("케이레그", "K-Reg"), ("라이트", "Right"), ("정도", "Jeongdo"),
    ("에이플러스", "A-Plus"), ("코리아", "Korea"), ("큐비", "Qubi"), ("하모니", "Harmony"),
]
