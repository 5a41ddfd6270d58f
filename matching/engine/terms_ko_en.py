"""Curated Korean -> English biomedical term map (data, one `ko=en` pair per entry).

Written from general medical vocabulary (KCD/MeSH-style names, trial and technology words), not
from any evaluation set. Longer Korean keys win over their parts (유방암 before 암).
"""

TERMS = """
암=cancer; 종양=tumor; 악성종양=malignant neoplasm; 신생물=neoplasm; 항암=anticancer; 항암제=anticancer drug; 종양학=oncology
유방암=breast cancer; 폐암=lung cancer; 비소세포폐암=non-small cell lung cancer; 소세포폐암=small cell lung cancer
위암=gastric cancer stomach cancer; 대장암=colorectal cancer; 결장암=colon cancer; 직장암=rectal cancer
간암=liver cancer hepatocellular carcinoma; 간세포암=hepatocellular carcinoma; 췌장암=pancreatic cancer
전립선암=prostate cancer; 갑상선암=thyroid cancer; 난소암=ovarian cancer; 자궁경부암=cervical cancer
자궁내막암=endometrial cancer; 방광암=bladder cancer; 신장암=kidney cancer renal cell carcinoma
식도암=esophageal cancer; 담도암=biliary tract cancer; 담낭암=gallbladder cancer; 두경부암=head and neck cancer
뇌종양=brain tumor; 교모세포종=glioblastoma; 흑색종=melanoma; 피부암=skin cancer; 육종=sarcoma
림프종=lymphoma; 백혈병=leukemia; 급성골수성백혈병=acute myeloid leukemia; 다발골수종=multiple myeloma
골수종=myeloma; 골수이형성증후군=myelodysplastic syndrome; 혈액암=hematologic malignancy; 고형암=solid tumor
전이=metastasis metastatic; 전이성=metastatic; 재발=relapsed recurrent; 난치성=refractory; 진행성=advanced
선암=adenocarcinoma; 암종=carcinoma; 편평세포암=squamous cell carcinoma
당뇨병=diabetes mellitus; 제2형 당뇨병=type 2 diabetes; 제1형 당뇨병=type 1 diabetes; 당뇨=diabetes
인슐린=insulin; 혈당=blood glucose; 비만=obesity; 대사증후군=metabolic syndrome; 이상지질혈증=dyslipidemia
고지혈증=hyperlipidemia; 고콜레스테롤혈증=hypercholesterolemia; 콜레스테롤=cholesterol; 갑상선=thyroid
고혈압=hypertension; 저혈압=hypotension; 심부전=heart failure; 심근경색=myocardial infarction; 협심증=angina
관상동맥질환=coronary artery disease; 관상동맥=coronary artery; 심방세동=atrial fibrillation; 부정맥=arrhythmia
죽상경화증=atherosclerosis; 동맥경화=arteriosclerosis; 혈전증=thrombosis; 혈전=thrombus thrombosis
심혈관=cardiovascular; 심혈관질환=cardiovascular disease; 심장=heart cardiac; 심장질환=heart disease
뇌졸중=stroke; 뇌경색=cerebral infarction; 뇌출혈=cerebral hemorrhage; 폐색전증=pulmonary embolism
정맥혈전색전증=venous thromboembolism; 말초동맥질환=peripheral arterial disease; 혈관=vascular
빈혈=anemia; 혈우병=hemophilia; 혈소판감소증=thrombocytopenia; 호중구감소증=neutropenia
치매=dementia; 알츠하이머병=alzheimer disease; 알츠하이머=alzheimer; 파킨슨병=parkinson disease
파킨슨=parkinson; 뇌전증=epilepsy; 간질=epilepsy; 발작=seizure; 다발성경화증=multiple sclerosis
편두통=migraine; 두통=headache; 신경병증=neuropathy; 말초신경병증=peripheral neuropathy; 통증=pain
만성통증=chronic pain; 신경통=neuralgia; 근위축성측삭경화증=amyotrophic lateral sclerosis; 루게릭병=amyotrophic lateral sclerosis
척수손상=spinal cord injury; 뇌손상=brain injury; 외상성뇌손상=traumatic brain injury; 신경=nerve neurological
우울증=depression; 주요우울장애=major depressive disorder; 조현병=schizophrenia; 양극성장애=bipolar disorder
불안장애=anxiety disorder; 불안=anxiety; 주의력결핍과잉행동장애=attention deficit hyperactivity disorder; 자폐=autism
불면증=insomnia; 수면=sleep; 수면무호흡=sleep apnea; 중독=addiction; 알코올=alcohol; 흡연=smoking; 금연=smoking cessation
정신=psychiatric mental; 정신건강=mental health; 인지=cognitive; 인지장애=cognitive impairment
천식=asthma; 만성폐쇄성폐질환=chronic obstructive pulmonary disease; 폐렴=pneumonia; 폐=lung pulmonary
호흡기=respiratory; 폐섬유증=pulmonary fibrosis; 특발성폐섬유증=idiopathic pulmonary fibrosis; 기관지=bronchial
낭성섬유증=cystic fibrosis; 폐고혈압=pulmonary hypertension; 알레르기=allergy allergic; 비염=rhinitis
알레르기비염=allergic rhinitis; 부비동염=sinusitis; 아토피피부염=atopic dermatitis; 아토피=atopic dermatitis
감염=infection; 감염병=infectious disease; 감염증=infection; 바이러스=virus viral; 세균=bacteria bacterial
에이즈=aids hiv; 인간면역결핍바이러스=hiv; 후천성면역결핍증=acquired immunodeficiency syndrome
간염=hepatitis; B형간염=hepatitis b; C형간염=hepatitis c; 결핵=tuberculosis; 독감=influenza; 인플루엔자=influenza
코로나=covid-19 coronavirus; 코로나19=covid-19; 패혈증=sepsis; 말라리아=malaria; 대상포진=herpes zoster
헤르페스=herpes; 사이토메갈로바이러스=cytomegalovirus; 진균=fungal; 곰팡이=fungal; 항생제=antibiotic
항바이러스제=antiviral; 백신=vaccine; 예방접종=vaccination immunization; 면역=immune immunity
면역항암제=immunotherapy immune checkpoint inhibitor; 면역치료=immunotherapy; 면역요법=immunotherapy
자가면역=autoimmune; 류마티스관절염=rheumatoid arthritis; 관절염=arthritis; 골관절염=osteoarthritis
건선=psoriasis; 루푸스=lupus; 전신홍반루푸스=systemic lupus erythematosus; 강직척추염=ankylosing spondylitis
염증=inflammation inflammatory; 염증성장질환=inflammatory bowel disease; 크론병=crohn disease
궤양성대장염=ulcerative colitis; 대장염=colitis; 과민성대장증후군=irritable bowel syndrome
위식도역류질환=gastroesophageal reflux disease; 역류성식도염=reflux esophagitis; 위궤양=gastric ulcer
소화기=gastrointestinal digestive; 위장관=gastrointestinal; 간=liver hepatic; 간질환=liver disease
간경변=liver cirrhosis; 지방간=fatty liver; 비알코올성지방간염=nonalcoholic steatohepatitis; 췌장염=pancreatitis
신장=kidney renal; 신장질환=kidney disease; 만성신장병=chronic kidney disease; 신부전=renal failure kidney failure
투석=dialysis; 혈액투석=hemodialysis; 신장이식=kidney transplantation; 이식=transplantation transplant
장기이식=organ transplantation; 골수이식=bone marrow transplantation; 조혈모세포이식=hematopoietic stem cell transplantation
요로감염=urinary tract infection; 비뇨기=urology urinary; 과민성방광=overactive bladder; 요실금=urinary incontinence
전립선비대증=benign prostatic hyperplasia; 발기부전=erectile dysfunction; 불임=infertility; 난임=infertility
임신=pregnancy; 산모=maternal; 출산=childbirth delivery; 조산=preterm birth; 신생아=neonatal newborn
소아=pediatric children; 어린이=children; 청소년=adolescent; 노인=elderly older adults; 성인=adult
여성=women female; 남성=men male; 폐경=menopause; 골다공증=osteoporosis; 골절=fracture; 뼈=bone
근골격=musculoskeletal; 근육=muscle; 근감소증=sarcopenia; 척추=spine spinal; 요통=low back pain
관절=joint; 무릎=knee; 고관절=hip; 인공관절=joint replacement arthroplasty; 연골=cartilage
피부=skin dermatology; 피부과=dermatology; 여드름=acne; 상처=wound; 화상=burn; 욕창=pressure ulcer
당뇨병성족부궤양=diabetic foot ulcer; 안과=ophthalmology; 눈=eye; 황반변성=macular degeneration
노인성황반변성=age-related macular degeneration; 녹내장=glaucoma; 백내장=cataract; 망막=retina retinal
당뇨병성망막병증=diabetic retinopathy; 황반부종=macular edema; 안구건조증=dry eye; 망막염=retinitis
이비인후과=otolaryngology; 난청=hearing loss; 치과=dentistry dental; 치주염=periodontitis; 구강=oral
희귀질환=rare disease; 유전질환=genetic disorder; 유전=genetic hereditary; 유전자=gene genetic
유전체=genome genomic; 유전체분석=genomic analysis sequencing; 차세대염기서열분석=next generation sequencing
염기서열=sequencing; 단백질=protein; 항체=antibody; 단일클론항체=monoclonal antibody; 이중항체=bispecific antibody
항체약물접합체=antibody drug conjugate; 바이오시밀러=biosimilar; 바이오의약품=biologic biopharmaceutical
생물학적제제=biological biologic; 의약품=drug pharmaceutical medicine; 신약=new drug; 약물=drug
합성의약품=small molecule drug; 저분자=small molecule; 펩타이드=peptide; 호르몬=hormone; 스테로이드=steroid
세포치료제=cell therapy; 세포치료=cell therapy; 줄기세포=stem cell; 중간엽줄기세포=mesenchymal stem cell
유전자치료=gene therapy; 유전자치료제=gene therapy; 카티=car-t; 면역세포=immune cell; 재생의학=regenerative medicine
조직공학=tissue engineering; 오가노이드=organoid; 마이크로바이옴=microbiome; 프로바이오틱스=probiotics
건강기능식품=dietary supplement; 영양=nutrition; 식이=diet dietary; 보충제=supplement; 비타민=vitamin
천연물=natural product herbal; 한약=herbal medicine; 한의학=traditional korean medicine; 침=acupuncture
의료기기=medical device; 기기=device; 체외진단=in vitro diagnostic; 진단=diagnosis diagnostic
진단기기=diagnostic device; 진단검사=diagnostic test; 바이오마커=biomarker; 표지자=marker biomarker
동반진단=companion diagnostic; 분자진단=molecular diagnostics; 영상=imaging; 의료영상=medical imaging
영상진단=diagnostic imaging; 자기공명영상=magnetic resonance imaging mri; 컴퓨터단층촬영=computed tomography ct
양전자방출단층촬영=positron emission tomography pet; 초음파=ultrasound; 내시경=endoscopy; 엑스선=x-ray
방사선=radiation radiology; 방사선치료=radiation therapy radiotherapy; 방사선종양학=radiation oncology
핵의학=nuclear medicine; 수술=surgery surgical; 외과=surgery; 수술로봇=surgical robot; 로봇=robot robotic
최소침습=minimally invasive; 마취=anesthesia; 시술=procedure; 카테터=catheter; 스텐트=stent; 임플란트=implant
인공지능=artificial intelligence ai; 딥러닝=deep learning; 머신러닝=machine learning; 기계학습=machine learning
디지털헬스=digital health; 디지털치료제=digital therapeutics; 디지털=digital; 모바일=mobile; 앱=app application
원격의료=telemedicine; 원격진료=telemedicine; 웨어러블=wearable; 센서=sensor; 모니터링=monitoring
소프트웨어=software; 빅데이터=big data; 데이터=data; 의료데이터=medical data health data
전자의무기록=electronic medical record electronic health record; 임상데이터=clinical data; 코호트=cohort
레지스트리=registry; 바이오뱅크=biobank; 검체=specimen sample; 혈액=blood; 조직=tissue; 세포=cell
임상시험=clinical trial; 임상연구=clinical study clinical research; 임상=clinical; 시험=trial test
제1상=phase 1; 1상=phase 1; 제2상=phase 2; 2상=phase 2; 제3상=phase 3; 3상=phase 3; 제4상=phase 4; 4상=phase 4
연구자주도임상=investigator initiated trial; 다기관=multicenter; 무작위배정=randomized; 무작위=randomized
이중맹검=double blind; 위약=placebo; 대조군=control group; 피험자=subjects participants; 환자=patients
모집=recruitment enrollment; 등록=enrollment registration; 시험기관=trial site; 임상시험기관=clinical trial site
임상시험센터=clinical trial center; 기관윤리위원회=institutional review board irb; 윤리위원회=ethics committee irb
심사=review; 허가=approval; 인허가=regulatory approval; 규제=regulatory; 식약처=mfds regulatory
식품의약품안전처=ministry of food and drug safety; 품목허가=marketing authorization; 임상시험계획=investigational new drug
안전성=safety; 유효성=efficacy effectiveness; 효능=efficacy; 약동학=pharmacokinetics; 약력학=pharmacodynamics
독성=toxicity; 부작용=adverse events side effects; 이상반응=adverse events; 용량=dose dosage
전임상=preclinical; 비임상=nonclinical preclinical; 동물실험=animal study; 동물모델=animal model
병원=hospital; 대학병원=university hospital; 상급종합병원=tertiary hospital; 의료원=medical center
의료기관=medical institution; 의료진=clinicians medical staff; 의사=physician; 간호=nursing; 약사=pharmacist
대학교=university; 대학=university college; 연구소=research institute; 연구원=research institute researcher
기업=company; 스타트업=startup; 제약=pharmaceutical; 제약사=pharmaceutical company; 바이오=bio biotech
공동개발=co-development; 공동연구=joint research collaboration; 기술이전=technology transfer licensing
라이선스=licensing; 투자=investment; 멘토링=mentoring; 검증=validation; 임상검증=clinical validation
실증=validation demonstration; 사업화=commercialization; 장비=equipment; 시설=facility; 공용장비=shared equipment
장비활용=equipment use facility use; 세포처리시설=cell processing facility; 우수제조관리기준=gmp
동물실험실=animal facility; 영상장비=imaging equipment; 분석=analysis; 질량분석=mass spectrometry
예방=prevention; 치료=treatment therapy; 치료제=therapeutic treatment; 재활=rehabilitation; 완화=palliative
관리=management; 조기진단=early diagnosis; 선별검사=screening; 검진=screening; 수술후=postoperative
중환자=critical care intensive care; 응급=emergency; 외래=outpatient; 입원=hospitalized inpatient
만성질환=chronic disease; 급성=acute; 만성=chronic; 중증=severe; 경증=mild; 소아암=pediatric cancer
"""


def load_terms() -> dict[str, str]:
    """Parse TERMS into {korean: english}."""
    out: dict[str, str] = {}
    for line in TERMS.strip().splitlines():
        for pair in line.split(";"):
            if "=" in pair:
                ko, en = pair.split("=", 1)
                out[ko.strip().replace(" ", "")] = en.strip()
    return out
