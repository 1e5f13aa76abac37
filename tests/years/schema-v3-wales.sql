-- A version-3 pdurep database holding the Wales fixture (six PDUs and the region), as
-- written by pdurep at commit af63b3e and dumped with Python's sqlite3 iterdump(). The
-- migration tests load it to check that an existing database upgrades and keeps its figures.
BEGIN TRANSACTION;
CREATE TABLE framework (  code TEXT PRIMARY KEY,  name TEXT NOT NULL,  kind TEXT NOT NULL CHECK (kind IN ('pdu', 'region')),  band_on_rounded INTEGER NOT NULL CHECK (band_on_rounded IN (0, 1)),  provisional INTEGER NOT NULL CHECK (provisional IN (0, 1))) STRICT;
INSERT INTO "framework" VALUES('probation-pdu-2023','Probation PDU inspection framework (2023 programme)','pdu',0,0);
INSERT INTO "framework" VALUES('probation-region-2024','Probation region inspection framework (2024 programme)','region',0,1);
CREATE TABLE framework_attribute (  framework TEXT NOT NULL REFERENCES framework(code) ON DELETE CASCADE,  position INTEGER NOT NULL,  attribute TEXT NOT NULL,  attribute_label TEXT NOT NULL,  value TEXT NOT NULL,  label TEXT NOT NULL,  PRIMARY KEY (framework, attribute, value)) STRICT;
INSERT INTO "framework_attribute" VALUES('probation-pdu-2023',0,'sentence_type','Sentence type','community','Community order');
INSERT INTO "framework_attribute" VALUES('probation-pdu-2023',1,'sentence_type','Sentence type','licence','Release on licence');
INSERT INTO "framework_attribute" VALUES('probation-pdu-2023',2,'rosh','Risk of serious harm','low','Low');
INSERT INTO "framework_attribute" VALUES('probation-pdu-2023',3,'rosh','Risk of serious harm','medium','Medium');
INSERT INTO "framework_attribute" VALUES('probation-pdu-2023',4,'rosh','Risk of serious harm','high','High');
INSERT INTO "framework_attribute" VALUES('probation-pdu-2023',5,'rosh','Risk of serious harm','very high','Very high');
INSERT INTO "framework_attribute" VALUES('probation-pdu-2023',6,'gender','Gender','male','Male');
INSERT INTO "framework_attribute" VALUES('probation-pdu-2023',7,'gender','Gender','female','Female');
INSERT INTO "framework_attribute" VALUES('probation-pdu-2023',8,'gender','Gender','other','Other');
INSERT INTO "framework_attribute" VALUES('probation-pdu-2023',9,'gender','Gender','not stated','Not stated');
INSERT INTO "framework_attribute" VALUES('probation-pdu-2023',10,'ethnicity','Ethnicity','white','White');
INSERT INTO "framework_attribute" VALUES('probation-pdu-2023',11,'ethnicity','Ethnicity','mixed','Mixed or multiple ethnic groups');
INSERT INTO "framework_attribute" VALUES('probation-pdu-2023',12,'ethnicity','Ethnicity','asian','Asian or Asian British');
INSERT INTO "framework_attribute" VALUES('probation-pdu-2023',13,'ethnicity','Ethnicity','black','Black, Black British, Caribbean or African');
INSERT INTO "framework_attribute" VALUES('probation-pdu-2023',14,'ethnicity','Ethnicity','other','Other ethnic group');
INSERT INTO "framework_attribute" VALUES('probation-pdu-2023',15,'ethnicity','Ethnicity','not stated','Not stated');
INSERT INTO "framework_attribute" VALUES('probation-pdu-2023',16,'probation_reset','Probation Reset','yes','Under Probation Reset');
INSERT INTO "framework_attribute" VALUES('probation-pdu-2023',17,'probation_reset','Probation Reset','no','Not under Probation Reset');
INSERT INTO "framework_attribute" VALUES('probation-region-2024',0,'sentence_type','Sentence type','community','Community order');
INSERT INTO "framework_attribute" VALUES('probation-region-2024',1,'sentence_type','Sentence type','licence','Release on licence');
INSERT INTO "framework_attribute" VALUES('probation-region-2024',2,'rosh','Risk of serious harm','low','Low');
INSERT INTO "framework_attribute" VALUES('probation-region-2024',3,'rosh','Risk of serious harm','medium','Medium');
INSERT INTO "framework_attribute" VALUES('probation-region-2024',4,'rosh','Risk of serious harm','high','High');
INSERT INTO "framework_attribute" VALUES('probation-region-2024',5,'rosh','Risk of serious harm','very high','Very high');
INSERT INTO "framework_attribute" VALUES('probation-region-2024',6,'gender','Gender','male','Male');
INSERT INTO "framework_attribute" VALUES('probation-region-2024',7,'gender','Gender','female','Female');
INSERT INTO "framework_attribute" VALUES('probation-region-2024',8,'gender','Gender','other','Other');
INSERT INTO "framework_attribute" VALUES('probation-region-2024',9,'gender','Gender','not stated','Not stated');
INSERT INTO "framework_attribute" VALUES('probation-region-2024',10,'ethnicity','Ethnicity','white','White');
INSERT INTO "framework_attribute" VALUES('probation-region-2024',11,'ethnicity','Ethnicity','mixed','Mixed or multiple ethnic groups');
INSERT INTO "framework_attribute" VALUES('probation-region-2024',12,'ethnicity','Ethnicity','asian','Asian or Asian British');
INSERT INTO "framework_attribute" VALUES('probation-region-2024',13,'ethnicity','Ethnicity','black','Black, Black British, Caribbean or African');
INSERT INTO "framework_attribute" VALUES('probation-region-2024',14,'ethnicity','Ethnicity','other','Other ethnic group');
INSERT INTO "framework_attribute" VALUES('probation-region-2024',15,'ethnicity','Ethnicity','not stated','Not stated');
INSERT INTO "framework_attribute" VALUES('probation-region-2024',16,'probation_reset','Probation Reset','yes','Under Probation Reset');
INSERT INTO "framework_attribute" VALUES('probation-region-2024',17,'probation_reset','Probation Reset','no','Not under Probation Reset');
CREATE TABLE framework_band (  framework TEXT NOT NULL REFERENCES framework(code) ON DELETE CASCADE,  min_percent REAL NOT NULL,  name TEXT NOT NULL,  rating TEXT NOT NULL,  PRIMARY KEY (framework, min_percent)) STRICT;
INSERT INTO "framework_band" VALUES('probation-pdu-2023',80.0,'Large majority','Outstanding');
INSERT INTO "framework_band" VALUES('probation-pdu-2023',65.0,'Reasonable majority','Good');
INSERT INTO "framework_band" VALUES('probation-pdu-2023',50.0,'Too few','Requires improvement');
INSERT INTO "framework_band" VALUES('probation-pdu-2023',0.0,'Minority','Inadequate');
INSERT INTO "framework_band" VALUES('probation-region-2024',80.0,'Large majority','Outstanding');
INSERT INTO "framework_band" VALUES('probation-region-2024',65.0,'Reasonable majority','Good');
INSERT INTO "framework_band" VALUES('probation-region-2024',50.0,'Too few','Requires improvement');
INSERT INTO "framework_band" VALUES('probation-region-2024',0.0,'Minority','Inadequate');
CREATE TABLE framework_overall (  framework TEXT NOT NULL REFERENCES framework(code) ON DELETE CASCADE,  min_score INTEGER NOT NULL,  max_score INTEGER NOT NULL,  rating TEXT NOT NULL,  PRIMARY KEY (framework, min_score)) STRICT;
INSERT INTO "framework_overall" VALUES('probation-pdu-2023',0,5,'Inadequate');
INSERT INTO "framework_overall" VALUES('probation-pdu-2023',6,10,'Requires improvement');
INSERT INTO "framework_overall" VALUES('probation-pdu-2023',11,15,'Good');
INSERT INTO "framework_overall" VALUES('probation-pdu-2023',16,21,'Outstanding');
INSERT INTO "framework_overall" VALUES('probation-region-2024',0,5,'Inadequate');
INSERT INTO "framework_overall" VALUES('probation-region-2024',6,11,'Requires improvement');
INSERT INTO "framework_overall" VALUES('probation-region-2024',12,17,'Good');
INSERT INTO "framework_overall" VALUES('probation-region-2024',18,24,'Outstanding');
CREATE TABLE framework_points (  framework TEXT NOT NULL REFERENCES framework(code) ON DELETE CASCADE,  rating TEXT NOT NULL,  points INTEGER NOT NULL,  PRIMARY KEY (framework, rating)) STRICT;
INSERT INTO "framework_points" VALUES('probation-pdu-2023','Inadequate',0);
INSERT INTO "framework_points" VALUES('probation-pdu-2023','Requires improvement',1);
INSERT INTO "framework_points" VALUES('probation-pdu-2023','Good',2);
INSERT INTO "framework_points" VALUES('probation-pdu-2023','Outstanding',3);
INSERT INTO "framework_points" VALUES('probation-region-2024','Inadequate',0);
INSERT INTO "framework_points" VALUES('probation-region-2024','Requires improvement',1);
INSERT INTO "framework_points" VALUES('probation-region-2024','Good',2);
INSERT INTO "framework_points" VALUES('probation-region-2024','Outstanding',3);
CREATE TABLE framework_question (  framework TEXT NOT NULL REFERENCES framework(code) ON DELETE CASCADE,  position INTEGER NOT NULL,  code TEXT NOT NULL,  standard TEXT NOT NULL,  parent TEXT,  text TEXT NOT NULL,  paraphrased INTEGER NOT NULL CHECK (paraphrased IN (0, 1)),  pooled_from TEXT,  filter_attribute TEXT,  filter_value TEXT,  PRIMARY KEY (framework, code)) STRICT;
INSERT INTO "framework_question" VALUES('probation-pdu-2023',0,'2.1.1','P2.1',NULL,'Is assessment focused well enough on engaging the person on probation?',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',1,'2.1.1a','P2.1','2.1.1','The person on probation took a real part in their assessment',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',2,'2.1.1b','P2.1','2.1.1','Personal circumstances and their effect on engagement were considered',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',3,'2.1.1c','P2.1','2.1.1','Protected characteristics were analysed for their effect on compliance',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',4,'2.1.2','P2.1',NULL,'Is assessment focused well enough on the factors linked to offending and desistance?',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',5,'2.1.2a','P2.1','2.1.2','The factors linked to offending were identified and analysed',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',6,'2.1.2b','P2.1','2.1.2','Strengths and protective factors were identified and analysed',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',7,'2.1.3','P2.1',NULL,'Is assessment focused well enough on keeping other people safe?',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',8,'2.1.3a','P2.1','2.1.3','identify and analyse clearly any risk of harm to others',0,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',9,'2.1.3b','P2.1','2.1.3','draw sufficiently on available sources of information, including past behaviour and convictions, and involve other agencies where appropriate',0,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',10,'2.1.3c','P2.1','2.1.3','analyse any specific concerns and risks related to actual and potential victims',0,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',11,'2.1.3d','P2.1','2.1.3','Safeguarding and domestic abuse information was used well enough to assess risk',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',12,'2.2.1','P2.2',NULL,'Is planning focused well enough on engaging the person on probation?',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',13,'2.2.1a','P2.2','2.2.1','The plan set a level, pattern and type of contact that supports engagement',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',14,'2.2.1b','P2.2','2.2.1','Protected characteristics and personal circumstances were taken into account',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',15,'2.2.2','P2.2',NULL,'Is planning focused well enough on reducing reoffending and supporting desistance?',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',16,'2.2.2a','P2.2','2.2.2','Planned interventions address the most critical factors linked to offending',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',17,'2.2.2b','P2.2','2.2.2','The plan builds on strengths and protective factors',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',18,'2.2.3','P2.2',NULL,'Is planning focused well enough on keeping other people safe?',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',19,'2.2.3a','P2.2','2.2.3','address risk of harm factors and prioritise the most critical',0,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',20,'2.2.3b','P2.2','2.2.3','set out the constructive and/or restrictive interventions needed to manage risk of harm',0,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',21,'2.2.3c','P2.2','2.2.3','make appropriate links to the work of other agencies involved',0,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',22,'2.3.1','P2.3',NULL,'Does delivery of the sentence or post-custody period focus well on engaging the person on probation?',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',23,'2.3.1a','P2.3','2.3.1','Sentence requirements started promptly or at a suitable time',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',24,'2.3.1b','P2.3','2.3.1','Diversity needs were taken into account in keeping a working relationship',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',25,'2.3.1c','P2.3','2.3.1','Enforcement action was sufficient where it was needed',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',26,'2.3.1d','P2.3','2.3.1','The person was re-engaged effectively after enforcement',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',27,'2.3.1e','P2.3','2.3.1','Under Probation Reset services were identified to support the person beyond supervised contact',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',28,'2.3.2','P2.3',NULL,'Do the services delivered support desistance effectively?',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',29,'2.3.2a','P2.3','2.3.2','Commissioned rehabilitative services were offered',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',30,'2.3.2b','P2.3','2.3.2','Local services were engaged to support and sustain desistance',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',31,'2.3.2c','P2.3','2.3.2','Delivery built on strengths and enhanced protective factors',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',32,'2.3.2d','P2.3','2.3.2','Practitioners engaged with the key people in the person''s life',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',33,'2.3.3','P2.3',NULL,'Do the services delivered support the safety of other people effectively?',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',34,'2.3.3a','P2.3','2.3.3','Multi-agency work to safeguard children was effective',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',35,'2.3.3b','P2.3','2.3.3','New concerns about risk of harm were followed up',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',36,'2.4.1','P2.4',NULL,'Does reviewing support the person on probation to comply and stay engaged?',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',37,'2.4.1a','P2.4','2.4.1','The person took part in a written review of their progress',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',38,'2.4.1b','P2.4','2.4.1','Reviewing responded to changes in engagement and compliance',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',39,'2.4.2','P2.4',NULL,'Is reviewing focused well enough on supporting desistance?',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',40,'2.4.2a','P2.4','2.4.2','Changes in factors linked to offending were identified and the plan adjusted',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',41,'2.4.2b','P2.4','2.4.2','Reviewing built on strengths and enhanced protective factors',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',42,'2.4.3','P2.4',NULL,'Is reviewing focused well enough on keeping other people safe?',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',43,'2.4.3a','P2.4','2.4.3','Changes in factors linked to risk of harm were identified and addressed',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',44,'2.4.3b','P2.4','2.4.3','Reviewing was informed by the other agencies managing risk of harm',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-pdu-2023',45,'2.4.3c','P2.4','2.4.3','The person and the key people in their life took part in reviewing risk of harm',1,NULL,NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-region-2024',0,'R2.1.1','R2.1',NULL,'Assessment focused enough on desistance (all cases)',1,'2.1.2',NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-region-2024',1,'R2.1.2','R2.1',NULL,'Planning focused enough on desistance (all cases)',1,'2.2.2',NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-region-2024',2,'R2.1.3','R2.1',NULL,'Delivery supported desistance (all cases)',1,'2.3.2',NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-region-2024',3,'R2.1.4','R2.1',NULL,'Reviewing supported desistance (all cases)',1,'2.4.2',NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-region-2024',4,'R2.2.1','R2.2',NULL,'Assessment focused enough on keeping people safe (all cases)',1,'2.1.3',NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-region-2024',5,'R2.2.2','R2.2',NULL,'Planning focused enough on keeping people safe (all cases)',1,'2.2.3',NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-region-2024',6,'R2.2.3','R2.2',NULL,'Delivery supported the safety of other people (all cases)',1,'2.3.3',NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-region-2024',7,'R2.2.4','R2.2',NULL,'Reviewing focused enough on keeping people safe (all cases)',1,'2.4.3',NULL,NULL);
INSERT INTO "framework_question" VALUES('probation-region-2024',8,'R2.3.1','R2.3',NULL,'Assessment focused enough on desistance (licence cases)',1,'2.1.2','sentence_type','licence');
INSERT INTO "framework_question" VALUES('probation-region-2024',9,'R2.3.2','R2.3',NULL,'Planning focused enough on desistance (licence cases)',1,'2.2.2','sentence_type','licence');
INSERT INTO "framework_question" VALUES('probation-region-2024',10,'R2.3.3','R2.3',NULL,'Delivery supported desistance (licence cases)',1,'2.3.2','sentence_type','licence');
INSERT INTO "framework_question" VALUES('probation-region-2024',11,'R2.3.4','R2.3',NULL,'Reviewing supported desistance (licence cases)',1,'2.4.2','sentence_type','licence');
INSERT INTO "framework_question" VALUES('probation-region-2024',12,'R2.3.5','R2.3',NULL,'Assessment focused enough on keeping people safe (licence cases)',1,'2.1.3','sentence_type','licence');
INSERT INTO "framework_question" VALUES('probation-region-2024',13,'R2.3.6','R2.3',NULL,'Planning focused enough on keeping people safe (licence cases)',1,'2.2.3','sentence_type','licence');
INSERT INTO "framework_question" VALUES('probation-region-2024',14,'R2.3.7','R2.3',NULL,'Delivery supported the safety of other people (licence cases)',1,'2.3.3','sentence_type','licence');
INSERT INTO "framework_question" VALUES('probation-region-2024',15,'R2.3.8','R2.3',NULL,'Reviewing focused enough on keeping people safe (licence cases)',1,'2.4.3','sentence_type','licence');
CREATE TABLE framework_standard (  framework TEXT NOT NULL REFERENCES framework(code) ON DELETE CASCADE,  position INTEGER NOT NULL,  code TEXT NOT NULL,  name TEXT NOT NULL,  statement TEXT NOT NULL,  domain INTEGER NOT NULL,  domain_name TEXT NOT NULL,  rated_by TEXT NOT NULL CHECK (rated_by IN ('judgement', 'cases')),  PRIMARY KEY (framework, code)) STRICT;
INSERT INTO "framework_standard" VALUES('probation-pdu-2023',0,'P1.1','Leadership','Leaders enable a high-quality, personalised and responsive service for everyone on probation.',1,'Organisational arrangements and activity','judgement');
INSERT INTO "framework_standard" VALUES('probation-pdu-2023',1,'P1.2','Staffing','Staff are enabled to give everyone on probation a high-quality, personalised and responsive service.',1,'Organisational arrangements and activity','judgement');
INSERT INTO "framework_standard" VALUES('probation-pdu-2023',2,'P1.3','Services','A full range of good services supports a tailored, responsive service for everyone on probation.',1,'Organisational arrangements and activity','judgement');
INSERT INTO "framework_standard" VALUES('probation-pdu-2023',3,'P2.1','Assessment','Assessment is well informed, analytical and personal, and actively involves the person on probation.',2,'Service delivery','cases');
INSERT INTO "framework_standard" VALUES('probation-pdu-2023',4,'P2.2','Planning','Planning is well informed, holistic and personal, and actively involves the person on probation.',2,'Service delivery','cases');
INSERT INTO "framework_standard" VALUES('probation-pdu-2023',5,'P2.3','Implementation and delivery','Well-focused, personal and coordinated services of high quality are delivered and engage the person on probation.',2,'Service delivery','cases');
INSERT INTO "framework_standard" VALUES('probation-pdu-2023',6,'P2.4','Reviewing','Progress is reviewed in a well-informed, analytical and personal way that actively involves the person on probation.',2,'Service delivery','cases');
INSERT INTO "framework_standard" VALUES('probation-region-2024',0,'R1.1','Leadership','Regional leaders set a clear direction and support their PDUs to deliver a good service.',1,'Organisational arrangements and activity','judgement');
INSERT INTO "framework_standard" VALUES('probation-region-2024',1,'R1.2','Staffing','The region has the staff, skills and workloads it needs across its PDUs.',1,'Organisational arrangements and activity','judgement');
INSERT INTO "framework_standard" VALUES('probation-region-2024',2,'R2.1','Desistance','Work across the region''s PDUs supports people on probation to stop offending.',2,'Service delivery','cases');
INSERT INTO "framework_standard" VALUES('probation-region-2024',3,'R2.2','Public protection','Work across the region''s PDUs keeps other people safe.',2,'Service delivery','cases');
INSERT INTO "framework_standard" VALUES('probation-region-2024',4,'R2.3','Resettlement','People released on licence get the help they need to settle back into the community.',2,'Service delivery','cases');
INSERT INTO "framework_standard" VALUES('probation-region-2024',5,'R2.4','Court work','Advice to courts is timely, well informed and useful to sentencers.',2,'Service delivery','judgement');
INSERT INTO "framework_standard" VALUES('probation-region-2024',6,'R2.5','Unpaid work','Unpaid work is organised and delivered well and supports desistance.',2,'Service delivery','judgement');
INSERT INTO "framework_standard" VALUES('probation-region-2024',7,'R2.6','Victim work','Victims entitled to contact get a timely, sensitive and useful service.',2,'Service delivery','judgement');
CREATE TABLE inspection (  id TEXT PRIMARY KEY,  kind TEXT NOT NULL,  name TEXT NOT NULL,  region TEXT NOT NULL DEFAULT '',  framework TEXT NOT NULL REFERENCES framework(code),  fieldwork_start TEXT NOT NULL,  published TEXT NOT NULL DEFAULT '',  lead_inspector TEXT NOT NULL DEFAULT '',  inspectorate TEXT NOT NULL DEFAULT '',  caseload INTEGER,  answer_codes TEXT NOT NULL DEFAULT '') STRICT;
INSERT INTO "inspection" VALUES('north-wales-2025','pdu','North Wales','Wales','probation-pdu-2023','2025-09-01','','','HM Inspectorate of Probation',2660,'2.1.1,2.1.1a,2.1.1b,2.1.1c,2.1.2,2.1.2a,2.1.2b,2.1.3,2.1.3a,2.1.3b,2.1.3c,2.1.3d,2.2.1,2.2.1a,2.2.1b,2.2.2,2.2.2a,2.2.2b,2.2.3,2.2.3a,2.2.3b,2.2.3c,2.3.1,2.3.1a,2.3.1b,2.3.1c,2.3.1d,2.3.1e,2.3.2,2.3.2a,2.3.2b,2.3.2c,2.3.2d,2.3.3,2.3.3a,2.3.3b,2.4.1,2.4.1a,2.4.1b,2.4.2,2.4.2a,2.4.2b,2.4.3,2.4.3a,2.4.3b,2.4.3c');
INSERT INTO "inspection" VALUES('cardiff-and-the-vale-2025','pdu','Cardiff and the Vale','Wales','probation-pdu-2023','2025-07-28','','','HM Inspectorate of Probation',3120,'2.1.1,2.1.1a,2.1.1b,2.1.1c,2.1.2,2.1.2a,2.1.2b,2.1.3,2.1.3a,2.1.3b,2.1.3c,2.1.3d,2.2.1,2.2.1a,2.2.1b,2.2.2,2.2.2a,2.2.2b,2.2.3,2.2.3a,2.2.3b,2.2.3c,2.3.1,2.3.1a,2.3.1b,2.3.1c,2.3.1d,2.3.1e,2.3.2,2.3.2a,2.3.2b,2.3.2c,2.3.2d,2.3.3,2.3.3a,2.3.3b,2.4.1,2.4.1a,2.4.1b,2.4.2,2.4.2a,2.4.2b,2.4.3,2.4.3a,2.4.3b,2.4.3c');
INSERT INTO "inspection" VALUES('cwm-taf-morgannwg-2025','pdu','Cwm Taf Morgannwg','Wales','probation-pdu-2023','2025-09-15','','','HM Inspectorate of Probation',2210,'2.1.1,2.1.1a,2.1.1b,2.1.1c,2.1.2,2.1.2a,2.1.2b,2.1.3,2.1.3a,2.1.3b,2.1.3c,2.1.3d,2.2.1,2.2.1a,2.2.1b,2.2.2,2.2.2a,2.2.2b,2.2.3,2.2.3a,2.2.3b,2.2.3c,2.3.1,2.3.1a,2.3.1b,2.3.1c,2.3.1d,2.3.1e,2.3.2,2.3.2a,2.3.2b,2.3.2c,2.3.2d,2.3.3,2.3.3a,2.3.3b,2.4.1,2.4.1a,2.4.1b,2.4.2,2.4.2a,2.4.2b,2.4.3,2.4.3a,2.4.3b,2.4.3c');
INSERT INTO "inspection" VALUES('dyfed-powys-2025','pdu','Dyfed-Powys','Wales','probation-pdu-2023','2025-08-18','','','HM Inspectorate of Probation',2050,'2.1.1,2.1.1a,2.1.1b,2.1.1c,2.1.2,2.1.2a,2.1.2b,2.1.3,2.1.3a,2.1.3b,2.1.3c,2.1.3d,2.2.1,2.2.1a,2.2.1b,2.2.2,2.2.2a,2.2.2b,2.2.3,2.2.3a,2.2.3b,2.2.3c,2.3.1,2.3.1a,2.3.1b,2.3.1c,2.3.1d,2.3.1e,2.3.2,2.3.2a,2.3.2b,2.3.2c,2.3.2d,2.3.3,2.3.3a,2.3.3b,2.4.1,2.4.1a,2.4.1b,2.4.2,2.4.2a,2.4.2b,2.4.3,2.4.3a,2.4.3b,2.4.3c');
INSERT INTO "inspection" VALUES('gwent-2025','pdu','Gwent','Wales','probation-pdu-2023','2025-08-11','','','HM Inspectorate of Probation',2890,'2.1.1,2.1.1a,2.1.1b,2.1.1c,2.1.2,2.1.2a,2.1.2b,2.1.3,2.1.3a,2.1.3b,2.1.3c,2.1.3d,2.2.1,2.2.1a,2.2.1b,2.2.2,2.2.2a,2.2.2b,2.2.3,2.2.3a,2.2.3b,2.2.3c,2.3.1,2.3.1a,2.3.1b,2.3.1c,2.3.1d,2.3.1e,2.3.2,2.3.2a,2.3.2b,2.3.2c,2.3.2d,2.3.3,2.3.3a,2.3.3b,2.4.1,2.4.1a,2.4.1b,2.4.2,2.4.2a,2.4.2b,2.4.3,2.4.3a,2.4.3b,2.4.3c');
INSERT INTO "inspection" VALUES('swansea-neath-port-talbot-2025','pdu','Swansea Neath Port Talbot','Wales','probation-pdu-2023','2025-08-04','','','HM Inspectorate of Probation',2540,'2.1.1,2.1.1a,2.1.1b,2.1.1c,2.1.2,2.1.2a,2.1.2b,2.1.3,2.1.3a,2.1.3b,2.1.3c,2.1.3d,2.2.1,2.2.1a,2.2.1b,2.2.2,2.2.2a,2.2.2b,2.2.3,2.2.3a,2.2.3b,2.2.3c,2.3.1,2.3.1a,2.3.1b,2.3.1c,2.3.1d,2.3.1e,2.3.2,2.3.2a,2.3.2b,2.3.2c,2.3.2d,2.3.3,2.3.3a,2.3.3b,2.4.1,2.4.1a,2.4.1b,2.4.2,2.4.2a,2.4.2b,2.4.3,2.4.3a,2.4.3b,2.4.3c');
INSERT INTO "inspection" VALUES('wales-2025','region','Wales','Wales','probation-region-2024','2025-07-28','2026-01-21','','HM Inspectorate of Probation',NULL,'');
CREATE TABLE inspection_case (  inspection TEXT NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,  case_id TEXT NOT NULL,  sentence_type TEXT NOT NULL,  rosh TEXT NOT NULL,  gender TEXT NOT NULL,  ethnicity TEXT NOT NULL,  probation_reset TEXT NOT NULL,  answers TEXT NOT NULL,  PRIMARY KEY (inspection, case_id)) STRICT;
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-001','community','high','male','white','no','NNNNNNNNNN-NNNNYY-NNN-NNN---N-N--N--NNNNYNN-NN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-002','community','low','male','white','no','NNYNYYYNNNNNNNNYYNYYY-NNYNY-NYNNNY--NNNY-YYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-003','community','medium','male','white','yes','YYYYNYNYYYYYYYYYYYYYYYYYY--YNYNYNYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-004','community','medium','female','white','no','YYYYYYYYYYYYYYYYYYYYYYYYYYY-YYYYYY-YYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-005','community','medium','female','white','no','YYYYYYYYYYYYYYYYYYYYYYYYY---Y--YNYYYYYYYNYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-006','licence','high','male','not stated','no','YYYYYYYYYYYYYYYYYYYYYYYYYYY-YYYYYY-YYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-007','community','high','male','white','no','YYYYYYYYYYYYYYYYYYYYYYYYYYY-YYYYYYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-008','community','low','male','white','no','NNNNNNNYYYYYNNNNNNNNNYNNNNN-NNNNNN-N----------');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-009','community','medium','male','white','no','YYYYYYYYYYYYYYYYYYYYYYYYYYY-YYYYYYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-010','community','very high','male','white','no','YYYYYYYYYYYYYYYYYYYYYYYYYYY-YYYYYYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-011','licence','medium','female','white','no','YYYYNNNYYYY-YYYNYNYYY-YNY---NYNYNY--Y-YNNYY-YY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-012','community','medium','male','other','no','NNNNNNNNNNNNYNYNNNYYY-YYYY--NYNNNY-YYYYNNNYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-013','community','medium','male','white','no','YYYYNNNNNNNNYYYNNNNNNNYYY---NNNNNN-NYYYNNNNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-014','community','high','male','white','no','YYYYYYYYYYYYYYYYYYYYYYYYYYY-YYYYYYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-015','community','medium','male','white','yes','YYYYYYYYYYYYYYYYYYYYYYYYYYY-YYYYYYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-016','licence','high','male','white','no','YYYYNNNYYYYYYYYNYNNNNNYYYYY-NNNNNNNNYYYNNNNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-017','community','high','male','asian','no','YYYYNNNNYNNNYYYNNNNNYYYYYYY-NNNNNNYNYYYNNNNNYN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-018','community','high','male','white','no','YYYYYYYYYY--YYYYYYYYYYYYY---Y----Y--YYYYYYYYY-');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-019','community','medium','male','white','no','YYYYYYYYYYYYYYYYYYYYYYYYYYY-YYYYYYNY----------');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-020','licence','low','male','white','no','NNNNNNNNNNN-NNNNYNNNNNYNY---NY-NNN-NNNYN-NNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-021','community','medium','male','white','no','YYYYNNNYYYYYYYYNNNNNNNYYYYY-NNNNNNNYYYYNNNNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-022','community','medium','male','white','no','YYYYYYYYYYYYYYYYYYYYYYYYYY--Y-YYYY-YYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-023','community','medium','male','white','no','YYYYYYYNYYNYYYYYYYYYYYYYY---Y-YYYYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-024','community','high','male','white','no','YYYYYYYNNNNNYYYYYYNNNNYYYYY-YYYYYNNNYYYYYYNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-025','community','medium','male','white','no','NNNNNNNNNNNNNNNYYYNNNNNNY---N--Y-N-NNNNNNYNNN-');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-026','community','high','male','white','no','YYYYYYYYYYYYYYYYYYYYY-YNY---NYNYNY--YYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-027','community','medium','male','white','no','YYYYYYYNNNNNYYYYYYNNNNYYY---YYYYYNNNYYYYYYNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-028','community','high','female','white','no','YYYYYYYYYYYYYYYYYYYYYYYYYY--YYYYYY-YYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-029','community','very high','male','mixed','no','YYYYYYYYYYY-YYYYYYYYYYYYYY--Y-Y-NNYNYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-030','licence','high','male','white','no','YYYYYYYNNNNNYYYYYYNNNNYYYY--YYYYYNNN----------');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-031','licence','high','male','white','no','YYYYYYYNNNYNYYYYYYNYNNYYY---YYYYYN-NYYYYYYNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-032','community','high','female','white','no','YYYYYYYYYYY-YYYYYYYYY-YYY---Y---YY-YYYYYYYYY--');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-033','licence','medium','male','mixed','no','NNNNNNNYYYYYNNNNNNYYYYNNNNN-NNNNNYNYNNNNNNYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-034','community','high','male','white','no','YYYYYYYNNNNNYYYYYYYYYYYYYYY-YYYYNYYYYYYYYYNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-035','licence','medium','male','white','yes','YYYYNNNNNNNNYYYNNNNNNNYYYYY-NNNNNNNNYYYNNNNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-036','licence','very high','male','white','no','YYYYYY-NNN--YYYNNNNNNNYYY---NY-N-N-NY--Y-YNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-037','licence','high','male','white','no','YYYYYYYNNNNYYYYYYYNNNNYYYYY-YYYYYNNNYYYYYYNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-038','community','high','female','black','no','YYY-YYYNNYNNYYYYY-NNNYYYY---Y----Y--Y-YYYYNNNY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-039','community','medium','male','white','no','YYYYYYYNNNNNYYYYYYNNNNYYYY--YYYYNNNNY-YYYYNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-040','community','high','male','white','no','YYYYYYYYYYYYYYYYYYYYYYYYY---YYYYNY-YYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-041','licence','high','male','white','no','YYYYYYYNYYNYYYYNNNNYYYYNYYY-NNNNNYYYYYYNYYYNYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-042','community','low','male','white','no','YYYYYYYYYY--YYYYYYYYY-YYY---Y----Y------------');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-043','community','medium','male','white','yes','NNNNYYYNNNNNNNNYYYNNNNNNNNNNY--YYNNNNNNYYYNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-044','community','medium','male','white','no','YYYYYYYYYYY-YYYYYYYYYYYYYYY-YYY-YY-YY-YYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-045','licence','very high','female','white','no','YYYYYYYNNNNNYYYYYYNNNNYYY---NYNNNNNNYYYNYYNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-046','licence','medium','female','asian','no','NNNNYYYYYY-YNNNYYYYYYYNNNNN-YYYYYYYYNNNYYYYYY-');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-047','community','high','male','white','no','NNNNNNNNNNNNYYYNNNNNNYYNYYY-NNNNNNNNYYYNNNNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-048','community','very high','male','white','no','YYYYNNNNYNN-YYYNN-YYY-YYY---N----N------------');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-049','licence','very high','male','white','no','NNNNYYYNNNNNNNNYYNNNNNNNYNN-NYNNNNYNNNNYYYNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-050','licence','medium','male','white','no','YYYYYYYYYYY-YYYYYYYYYYYYY---YYYYYYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-051','licence','medium','male','white','yes','YYYYYYYYYYY-YYYYYYNNYNYYY--YYYYYYNNNYYYYYYYYY-');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-052','community','medium','male','white','no','YYYYYYYYYYY-YYYYYYNNNYYYY---Y--Y-NNYY--YYYNNYN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-053','community','low','male','white','no','YYYYYYYNNNNNNNYYYYNNNYNNYNN-YYYYNY--YYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-054','community','medium','male','white','no','YYYYYYYYYYYYYYYYYYYYYYYYYYY-YYYYYYYYYYYYYYNNNY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-055','community','high','male','white','no','YNYYYYYNNNNNYYYYYYNNNNYYYYY-YYYYNNNNYYYYYYNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-056','community','medium','male','white','yes','NNNNYYYNNNNNYNYYYYNNYNYNY--YY--Y-N-NNNYYYYNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-057','community','medium','male','white','yes','YYYYYYYNNNNNYYYYY-NNNNYYY--YNYYYNN-NY--Y-YNNN-');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-058','licence','medium','male','white','no','YYYYYYYYYY--YYYYY-NNNNYYY---YY-Y-NNNY-YYYYNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-059','community','low','male','white','yes','YYYYNNYNNNNNYYYNNNNNNNYNY--YNYNNNN-NYYYNNNNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-060','licence','high','male','white','no','YNYYYYYYYYYYYYYYYYYYYYYNYYY-YYYYNYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-061','community','medium','female','white','no','YYYYYYYYYYYYYYYYYYYYYYYYY---YYYYYY-YYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-062','licence','high','male','white','no','YYYYNNNNNNNNYYYNNNNNNNYYYYY-NNNNNNYNYYYNNNNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-063','community','low','male','white','no','NNYNYYYNNNN-YYYYYYNNNNYNY---Y-YYNN--YYYYYYNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-064','licence','high','male','white','no','YYYYYYYYYYYYYYYYYYNNYYYYY---YYYYNNYNYYYYYYNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-065','licence','high','male','white','no','YYY-YYYYYY--YYYYY-YYY-YYY---NYNYNY--Y-YY-YY---');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-066','community','high','female','white','no','YYYYNYYYYYYYYYYYYYYYYYYYYYY-NYYYNYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-067','community','medium','male','white','no','YNYNYYYYYYYYNNNYYYYYYYYNYYY-YYYYYYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-068','community','medium','male','white','yes','YYYYNYNYYYY-YYYYYNYYYYYYY--YNYNYNY--Y-YYNYYYY-');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-069','community','low','male','white','no','YYYYYYYYYYYYYYYYYYYYYYYNYYY-YYYYYY--YYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-070','community','medium','male','white','no','YYYYNNNNNNNNYYYYYYNNNNYYY---NYNNNNNNYYYNNYNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-071','community','medium','male','white','no','YYYYYYYYYYYYYYYYYYYYYYYYYYY-YYYYYYYYYYYYYYNNYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-072','community','medium','male','white','yes','NNNNYYYNNNNNNNNYYYYYYYYNYYY-YYYYNY-YNNNYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-073','community','very high','male','white','no','YYYYNNNNNNNNNNYYYNNNNNYNY---NYNYNNNNNNNYYYNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-074','community','medium','male','white','no','YYYYYYYYYYYYYYYYYYYYYYYYY---YY-Y-Y-YYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-075','community','medium','male','white','no','YYYYYYYYYYYYYYYYYYYYYYYYYYY-YYYYYYNY----------');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-076','community','high','male','white','no','YYYYYYYNNNNNYYYYYYNNYNYYY---YYYYYY-YYYYYYYNNNN');
INSERT INTO "inspection_case" VALUES('north-wales-2025','NW-077','community','low','male','white','yes','YYYYYYYNNNNNYYYYYYNNNNYYY--YYYYYYN-NYYYYYYNNNN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-001','community','high','male','white','no','YY-YYYYYYNYYYYYYYYYY-YYYY---YYYYYYYYYNYYYYNNYN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-002','licence','medium','male','asian','no','YNYYYYYNNNY-YYYYYNNNNYYYYYY-YYYYYY--YYYYYNNYNY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-003','community','very high','male','white','no','YYYYYYYYYYY-Y-YYYYYYYYYYYYY-YYYYYN-NYYYY-YYYYY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-004','community','very high','male','white','no','YYYYYY-YYYYYYYYYYYYYYYYYYYN-YYYYYY-YYYYYYYYYNY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-005','community','medium','female','white','no','NNNNNN-NNYNNNNNYY-NYNYNYN---YYYNYNNYNYNNNYNYYN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-006','licence','high','male','white','no','YYYYYYNNN-NYYYYYYYNYNYY-YY--YYYYYNNYYYNYYYNYNN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-007','community','high','male','white','no','YYYYNNNN-YYNYYYNNNNNYYYYY---NNNNNNYN----------');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-008','licence','medium','male','white','no','YYYNNYNNNNNNYYYYYYYYYYYYYYY-NYNNYY-YYYYNNNYYYY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-009','community','medium','male','asian','no','YYYNYYYYYYYYYYYYYYYY--YYYYY-YYYNYYYYYYYYYYYY-Y');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-010','community','high','male','white','no','NNYNNNNNNNYNNYNYYYNYYNNNY---Y-YYYN-NNNNYYYYNYY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-011','community','medium','male','black','no','YYYYYYYNNNNYY-YYYYNNYYYYN---YYYYYYYYYYYYNYYY-N');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-012','licence','medium','male','white','yes','YY--NNYYYYYYYNYNNYYYYYYYY--YNYNYNY-YYYYN-NYYYN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-013','licence','very high','male','white','no','YYYYNNNYYYYYYYYN--YY-YYYYYY-NN-NNY-YYYNNN-YYNY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-014','community','very high','female','white','no','Y-YYYYYYYNYYYYYY-YYYY-YYYYY-YYY-NYYY----------');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-015','community','medium','male','white','no','NNNNYYYYYYNYNNNYYYY-YYNNYYN-NNNNNY-YNNNYYYYNYY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-016','licence','medium','male','mixed','no','Y-YYNYNNNNNNYNYNNNNYNNYYYYY-NNNNNNNNYNYNNYNNYY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-017','community','high','male','white','no','YYYYYYYY-NYYYYYYYYYYYYYYYYY-YYYNYY-YYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-018','community','high','male','white','no','YYYYYYYYYYYYYYNYNYNYNNYNYNY-YNYYYY-YYNYYNYNNYN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-019','community','high','male','white','no','YNYYYYYYYNYYYYYN-NYNYYYYN---YYYYYYYYYYNN-NYYYN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-020','community','high','female','white','no','Y-YYYYYNYNN-YYNYYYNNYYYYYYY-Y-YYYN-NY-YYNYNNNY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-021','community','medium','male','asian','no','YYYYYYYYYYYYYY-Y-YYYYYYYY---YYYYNYYYYY-YYYYYYN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-022','community','high','female','white','no','NYNYNNYNYNYNNNNYNYNNNNNNNNN-NNNNNN-NNNYYNYNNYN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-023','community','high','male','white','no','YYY-YNYY-NYYYYYYYYYYYYYYYYY-YYYY-Y-YYYYYYNYY-Y');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-024','licence','medium','male','mixed','yes','YYYNYYYYYYYYYY-YYYYYYYYYYYYYYYY-YYYNYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-025','community','medium','male','white','no','YYY-NYNN-NNNYYYNNYNNNYYYY---NNNNNNNNYY-NNYNYNY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-026','licence','high','male','white','no','YYYNNYNNN-NNYNYNNYNYNNYYYYY-NNNNNNNYYNYNNNNNYN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-027','licence','high','male','white','no','N-NYYNYNNNNNNNNYYYNNNNYYYYY-NNNNNNYNNNNYNYNYNN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-028','licence','medium','male','white','no','YYYYYYNYYYYYYYYYNYYYYYYYY---YYYYYY-YYY-YYYYNY-');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-029','community','high','male','black','no','YYYYYNYYYYYYYNYYYYYYYNYYYYY-Y-YYYYYYYYNYY-YYYY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-030','community','medium','male','white','no','YY-YYYYYYYYYYYYYYYYNYYYYYYY-YYYN-YYNYY-YYNYYYY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-031','community','high','male','white','no','YYNYYYYY-YYNY-YYYYYYYYYYY---Y---YYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-032','licence','low','male','white','yes','YYYYYYYYY-YYYYYYYYNYNNYYYY--Y-YYYYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-033','community','medium','male','white','no','YYNYYYYNYYNNYYYNNNNNNNYYY---NNYNNN-NYYYN-NNNYN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-034','community','medium','female','white','no','YYYYYYYYYYNYY-YYNYYYYYYYYYN-YY-YYYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-035','community','medium','male','white','no','YYYYYNYYYYYYYYYYYYYYYNYYYNY-YYYYYYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-036','licence','medium','female','white','no','YYYYYNYY-YY-NNNYYYYNYYYYY---YY-YYY-YYY-YYYNYN-');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-037','community','high','male','white','no','YYNYYYYYYYY-YYYYYYYYYNYNYYY-YYYYYY-YYYYYNYY-YY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-038','community','low','male','black','no','YYYYYYYYY-YYYYYYY-YYYYYYYYY-YYYY-Y-YYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-039','licence','high','male','not stated','no','YYYYYYYYYYYYYYYYYYYYYYYN-YY-YNYYNYYYYNYYYYYNYY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-040','licence','high','male','white','no','Y-YYYYYNYNNNYYYY-YNNNNYYY---Y-Y-YNN-----------');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-041','community','medium','male','white','yes','YYYYYYYNNNYNYYYNYNNYNYYYYY-YNYNNNN-NYYYNNNNN-Y');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-042','community','low','male','mixed','yes','YYYYNNNNNYN-YYYYYYNNNNYYY---NNN-NNNNYY-NNYNYNN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-043','licence','medium','female','white','yes','NNNNNNNNYNNNNNYN-NNYNYNYN--YNNN-YN-NNYNNNNNNNN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-044','community','medium','male','white','no','YYYYYYYYYYY-YYYYYYYYNNY-Y---YYNYNYYYYY-YYNNYNY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-045','community','medium','male','white','yes','YYYYY-YNNNYNYYYYYYNNNNYNY--YNNNNNNNYYYYYYYNYNN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-046','licence','high','male','white','no','YYYYYYYNYNNNYYYNNNYYYYNNNNN-YYYY-N-NNYNY-YYYYY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-047','community','medium','female','white','no','YYYYYYYNYNYNYYYYYYNNY-YYYNY-YNYYYN-NYYYYYYNNYN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-048','licence','medium','male','white','yes','NYNNYYYYYYYYNNNYYYYYYYNNNNNYYYYYYY-YNYNYYNYYYY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-049','community','low','male','mixed','no','Y-YYYYYYYYY-YYYYYYYY-YYYY---YYYYYY-YYYYYNYYYYY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-050','licence','low','male','white','no','YN-YYYYYYYYYYYYYYYYYY-YYYY--YNYYYYYNYYYYY-YYNY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-051','community','medium','male','white','no','YYYYYNYNNY-NNNNYYYNNNNYYY---YNYNYN-NYYYYYYNYNN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-052','community','medium','male','white','no','YYYYYYYYYYYYYYYYYYYYYYYYYYN-YNYYYYYN----------');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-053','community','high','male','white','no','NYNNNYNNNYYYNYNNNNNYNNYYYYY-NNNNNNNNYYYNYNNNNN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-054','licence','high','male','white','no','YY-NNYNYYYNNYYYNYNYYNYYNY---NYNNNNYNYYYNYNNNNN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-055','licence','low','male','asian','no','YYYYYYYYYY-YYNYYYYNYYNYYY---YYYYYN-NYYYYYNYYYY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-056','community','high','male','black','no','Y-Y-YYYNNNNNYYYNNNN-NYYYY---YYYYYNYNNNYNNNNNYN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-057','community','very high','male','other','no','YYYYNYNN-NNNYYYNNNNYNNY-YYY-NNNN-N-NYYYNNNNYNN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-058','licence','medium','female','white','yes','YYYNYYYYYYYYYYYYYYYYYYY-Y--NYYYYYY-YYYYYYNYYYY');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-059','licence','high','male','white','no','YYYYYYYYY-YNYYYYY-YY-YYYY---YYY-YY-YYY-YYYNNYN');
INSERT INTO "inspection_case" VALUES('cardiff-and-the-vale-2025','CV-060','community','medium','male','white','no','NYNNNNYYYYYYYYYYYYY-Y-NYNNN-NNYNYYYNNNNYYYYY-Y');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-001','community','medium','male','white','no','NYN-YYYYYYYYYNYYYNYYYYNNN---YN-YYY-YNYNYYYYYYY');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-002','community','medium','male','white','no','NNNNNNNNNNYNNNNNNNYYYYNYN---NNYNNYYYNNYNYNYYYY');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-003','community','low','female','white','yes','YYYNYNYNYYYNYNYY--NNYNY-NYYYYY-YYNNNYYYYYYYYY-');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-004','community','high','male','white','no','YYYYNNYNYNYYY-YNYNNNNNYNYNY-NNNYYYYYYYYNNNNNNN');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-005','licence','low','male','white','no','YYYNNYNNYN-NNYNNNNNYNNYYY---NNN-NNYNNYNNNYNN-Y');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-006','licence','medium','female','white','no','YYY-YYNNN--YYYYYY-NYYNYYY---YYYYYNNNYYYYYYNNYY');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-007','community','high','female','white','no','NNNNYYYY-NYYNNNYYYYYYYNNN---YYYYYYYYNYNYYNNNYY');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-008','licence','high','male','white','no','YYYYNNNNNYNNYYYNYNNNYNNNYYN-NNYNNNN-----------');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-009','community','very high','female','white','no','YYYYYYYNNNNYYYYYY-YYYYYYN---YYYYYYYYYYYYNYN-YN');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-010','community','medium','male','white','no','Y--YYY-YYYYYYYNYYYYNYYYYY---YYNNYY-YYYYYYYYYNY');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-011','community','high','male','white','no','Y-YYYYYYYYYYYNYYY-Y-NYYYY---YNYYYY-YY-YNNYYYYY');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-012','licence','high','male','white','no','N-NNYY-YNYNYYYYYYYYYYYNN----YY-YYYYNNNNNNNYYYY');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-013','licence','medium','male','white','yes','YYYYYYYYYYYYYYYYYYYYY-YYY---YYYYYY-YYYNYY-YNYY');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-014','community','medium','male','white','no','Y-Y-YY-YYYYYYYYYYYNYNNYYNYY-YYYN-NNNYYYYYYNNNN');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-015','licence','medium','male','white','yes','YYYNNNYY-YY-YYYYYNYNYYYNY--YNNNNNY-YYYYYYYYYY-');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-016','licence','high','male','white','no','YNYYYYYYNYYYYYYYYNYY-YY-Y---YY-Y-YYYYYYYYYYNY-');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-017','licence','medium','male','white','no','YNYYYNYYYY-YYYYYYYY-YYYYY---Y-YNYYNYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-018','licence','very high','male','asian','no','YYYYYYYYYY-YYYYYYNYNYYYYY---YYYYYY--YNYYYNYYYY');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-019','community','low','male','white','no','YY--YNYYYYY-YYYYYYYYYYYYY---YYYYYYYNYYYYYNYYYY');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-020','community','high','male','white','no','YYYNYYYNNYYYYYYYYYNNNNYYNYN-YYYYYN-N----------');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-021','community','high','male','white','no','YYY-YYYYYYYYYNYYNYYY-NYYYYY-YYYYYYY-YYYYYYYY-Y');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-022','community','low','male','white','no','YYY-YYYYYYYNY-YYYYYYYYYNY---YYYYYYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-023','community','medium','male','white','yes','YYYYY-YNNNNNYY-YYYN-NYYY-YYYNNYYNN-NYYYYYYNYNN');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-024','community','high','male','white','no','YYNNYYYYYYYYYYYYYYYNYYYY-NY-YYY-NY-YYYYYNYYYYY');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-025','licence','medium','female','white','no','NNY-NNNYY--YNNYNNYYY-YYYY---NYNYNY-YYYYNYNNNN-');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-026','licence','low','male','white','yes','YYYYNNYNYNNNYYYNNYYY-YYYYYNYNNYNNYYYYNYNN-YNYY');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-027','community','high','male','white','no','YYY-YYYYYYYYYYYY-YYYYYYYY---YYN-YYYYYYYYYNYY-N');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-028','community','high','male','white','no','YYYNNNYNNNNNYYYNNYY-YYYNY---NYNNNNNNYYYYYYNYYN');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-029','licence','medium','female','white','no','YNYYYNYNNNNYYYYYYYNNNNY--YY-YYYYYN-NYYYYYYNNY-');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-030','community','medium','male','white','no','YYYYYYYNNNNNYNYYYYNNNYYY-YN-YYYYYN-NYYYYYNNYYN');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-031','community','high','male','white','no','NYNNNNNNNYNNNYNNNYNNNYNN----NNNNNN-NNN-N-NNNNY');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-032','licence','medium','male','white','no','YYYYYYYNNNNNYYYYYNNYNNYYY---YNYYYNNYYYYYYYNNNY');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-033','licence','high','female','white','no','YYN-YYYYYYYNY-YYYYYYYNYYY---YYY-YY-YYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-034','community','medium','male','white','yes','Y-YYYNYYYYYYYYYYYYYYYNYYY--YYYYYYYYNY-YYYYYNYY');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-035','community','high','male','white','no','YY-YYYYNNN--YY-YNYNNYYYYYYY-YNYYYNNNYY-YNYNNNN');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-036','community','medium','male','white','no','YYYYNNNY-YYYY-YNYNNNNNYYY---NNNYNNYN----------');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-037','community','medium','male','white','yes','YYYYYYYNYYYNYYYYYYNNN-YYYYYYYYYNYY-YYY-YYYYYYN');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-038','licence','high','male','white','no','YYYYYYNNYYNNYYYNYNNYYNYNYNY-YYNY-NYNYYYNYNNY-N');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-039','licence','medium','male','white','no','N-NNNNNNNN-NNNYNNNNNNYNNYN--NNNNYN--NNNNNNNNNY');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-040','community','medium','male','white','no','YYYYNNYNYN--YYYYNYNN-YYYNYY-NYNNNNNNYYYNN-NNNN');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-041','community','medium','male','mixed','no','NNNNNNNNY-NNNNNNNNNNYYNYNNN-NYY-NNNNNNNNNNNNNN');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-042','community','high','male','white','no','NNNNNYNNYNYYNNNNNNNNYNYYYYY-NNNNNNNYNNNNNNNNN-');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-043','community','medium','male','white','no','YYYYYYYNNYYNNNNYYYYYNYYYYYY-YYYYYNN-----------');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-044','community','very high','male','white','no','YN-YYYYNNNNNYYYYNYNYN-YYY---YYYY-NNYYYYYYYNNYY');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-045','community','high','male','white','no','YYYNNYNYYNN-YYYNNNYYNNY-YYY-NNYNYY-YYYYNNNY-YY');
INSERT INTO "inspection_case" VALUES('cwm-taf-morgannwg-2025','CT-046','community','medium','male','white','no','Y-YYYYYYYYYYYYYYYYYYYYYNYY--YYYYYYYYYYYYNYYYNY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-001','community','medium','male','white','no','YNYYYNYYYYYYYYYYYYYYY-YNYNY-YYYYYYNY----------');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-002','licence','medium','male','white','no','YYYYYYYNNYNNYNYNYNNNYYYYY---NNYYYNNYYNYNNNNNN-');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-003','community','low','male','white','no','YYYYYYYYYYYYY-YYYYNNN-YYN---YNYNNYYYYNYY-YYYYY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-004','community','medium','male','white','no','YYYYYNYNNNYNYYYYYYNNNNYYYYY-YNYYNNNNYYYYYYNYNN');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-005','community','high','male','white','no','YYYYYY-YYYYYYNYYYYYYYYY-NYY-YY-YYYYYYYYYNYYYYY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-006','community','very high','male','mixed','no','YYYYYYYYYY-YY-YY--YYYYYYYYY-YYYYNYYNYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-007','licence','medium','male','white','no','YYYNY-YYYYY-YYNYNYY-YYYYYYY-YYYYYY-YYYYYYYYNYY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-008','community','medium','male','white','yes','YNYYNNYNNYNNN--NNNNYYNYYY--YNN-YYNNNNNNYYYNN-N');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-009','community','medium','male','white','no','Y-YYYYNYYYYYYYYYYYYYYYYYY---YYYYYYYNYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-010','licence','high','male','white','no','Y-YYYYYY-YYYYYNYYYYYYYYYY---NYYNYYNYYYYYYYYYY-');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-011','licence','medium','female','white','no','YYYYYYYYYYYYYYYYYYYYYYY-YYY-YYYYYY-YYY-Y-YYYYY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-012','community','medium','female','white','no','NYNYNNNYNYYYNYNNNNYYYYYYY---NYNNNYY-YYYYYYYNYY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-013','community','medium','male','white','yes','YYYYNNNY-YYYYYYY-YYYYYYYY---YY-YYYYYYYYYYYNNNY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-014','community','medium','male','white','yes','YYYYYNYYYY-YY-YYYYYYYYYYYYYYYYYYYYY-NYNYYYYYYY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-015','community','low','male','not stated','no','YYYYNNNYY-NYYYYNNYYY-YYY----NYYNNYYYYYYNYNYYN-');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-016','licence','high','male','white','no','YYYYNYNYNYYYYYYNNNYYYNNN-YN-YYYYYYNYNNNNNYNNNN');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-017','community','medium','male','white','yes','YNNYYYYYYYYNYYYYY-YYYYYYY--YYY-NYYNYYYYY-YNYNY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-018','community','medium','male','white','no','YYYYYYYYYYYYYYYYYYYNYYYYYYY-YYYYNYYYYYYYYYY-YY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-019','community','high','male','white','no','YYYYNNNNNNNNYNYN-NNNNYYYYYY-NYNYNN-NYYYNNYNNNY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-020','community','medium','male','white','no','YYYYYYYYYY-YYYYYNYYYN-Y-YYY-YYYYYY-YYYYYY-Y-NY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-021','community','medium','female','white','yes','YYYYYYNNY-YNYYYYYYNNNNYYY--YYYYYYN-NYYYYYYNYNN');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-022','community','low','male','white','no','YYYYYYYY-YYYYYYY-YY-YYYYNY--Y-YNYYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-023','licence','medium','male','white','no','NNN-NNNN--YNNNNNNYNYYNYYNYY-NNNYNN-NNYNN-NN-NN');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-024','community','very high','female','white','no','Y-YYYYYYYNYYY-YYYYYY-NYYY---YNY-YYNYYYYYYYYY-Y');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-025','licence','medium','male','white','no','NNNYYYNYYYYNNNNYYYYYYYY-YYY-YNNNYY-YYYYYYYY-YN');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-026','community','low','male','white','no','YYYYYYYYYNYYYYYY-YYYNYYYYYY-YYYY-YYYYNYYNYYYYY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-027','community','high','male','white','no','YYYYYNYNNNNNYYYYYYN-NYYYN---YYYYYN-NYYYYNYNNNN');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-028','licence','low','female','white','no','YYYYYYYYYYYYYYYYYYYYYYYYNYY-YYNYYYYY----------');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-029','licence','medium','male','white','no','YYYYYYYNNNNNYNYYYYNNYNYYYYY-YYYYYNNNYYYY-YNNNN');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-030','community','high','male','white','no','YYYYYYNYYYYYYYYYNYYYYNYY----YYY-YY-Y----------');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-031','community','high','male','white','no','NNYNYYYNNYNYNNYNYNNNYNNN-YN-NYYN-NNYNYNNYNNNNN');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-032','licence','very high','male','white','no','YYNYY-YYNYYYY-YYYYYYY-YYYYY-YYYYNYNYYYNYYYYYYN');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-033','licence','high','male','white','no','YYYYYYYYYYNYYYYYNYYYYYYYY---YYYYYNNNYNYYNYYYYY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-034','community','low','male','white','yes','YYYYYYYYYYYYYYNY-YY-YNYYY--YY-YYYY-YYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-035','community','medium','male','white','no','NYNYYYNNNNYYNNNY-YNYYNNNN---YNYYYN-NNNNYYYNNNY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-036','licence','high','male','white','no','YNYYYYYNYNNYYYNYYYNNYNYYN---NYYN-N-NYYYYYNNYNN');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-037','community','high','female','white','no','YYYYYYYYYY-YYYYYYYYYYYYYYY--YYYYYY-YYYYNNYYYNY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-038','licence','high','male','white','no','YYYYNNYNYYNNYYYNYNNYNNYYNNY-NNNNNNN-YYYYYNNNNN');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-039','licence','high','male','white','no','YYYYYY-YNYYNYYNYYYY-YNY-YNN-YY-YYYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-040','community','high','male','white','no','YYYYYYYNNYNYYY-YNYYYN-YYN---Y-NYYN-NYYYYYYYYY-');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-041','community','medium','male','white','no','YY-NYYYNNYNNYYNYYYNNYNYYYYY-NNNNNNNNYYNYNYNNY-');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-042','community','medium','male','white','yes','YNYNYYYYYYYNYYYY-YYYYYYYNN-YY-YYYYY-YYYYYYYYYN');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-043','licence','high','female','white','no','YNYYNNYYYYYYYYYYYYYYYYY-NYN-YYYYYYYYYYYNYNYYNN');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-044','community','medium','male','white','no','YY-YYYYY-YYYYYYYYYYYYYYYYYN-Y-YYYNNNYNYNNYYYYY');
INSERT INTO "inspection_case" VALUES('dyfed-powys-2025','DP-045','community','high','male','white','no','NYYNNYNNNNNNYYYYYYNYNNN-N---NNNNNNNNYYYNNYNNNY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-001','community','very high','male','white','no','YYYYYY-NNYNNYYYYYYYYYYYYYYN-YYYYYNNNYYYYYYNYNN');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-002','licence','high','male','not stated','no','NNNNNN-YYYY-NNYNN-NYNNNYNYN-NYNNNYYYNNNNYNYYYY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-003','licence','high','male','white','no','YYYYYYYYYYYYYYYYYYY-YYYYN---YY-YYY-YYYYYYYYNYN');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-004','licence','medium','female','white','yes','YYYYYYYYNYNYY-YY--YYYYYYY--NYYYYYYNYYYYYYYYYYN');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-005','community','medium','male','white','yes','YYYYY-YYYYYYY--NNNYYYYYYY--YNYNNNYYYYYYNNNYYYY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-006','community','medium','male','white','no','YYYNYYYYYYYNYYYYYYYYYYYYN---YYYNNYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-007','community','medium','male','white','no','YYY-YYYYYYYYYYYY-YYYYYYNYYY-YY-YYYYYYNYYYYYN-Y');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-008','licence','high','male','white','no','YYYYN-NYYYNYYYYNNYYYYYYYYYY-NNN-NYYYYYYNYNYNY-');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-009','licence','very high','male','white','no','NYNYNN-NNNNYNYNNNNNNY-NNN---NNNNNN-NN-NNNNNYYN');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-010','community','high','female','white','no','YYNYYYYNNYYYYYYNNYNN-NYYY---NYYNYN-NYYYNNYNNNY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-011','community','medium','male','mixed','yes','YYN-YYYNN-NNNNNY-YNYNNNNNNN-YNYYYN-NNNNYYYNNNN');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-012','licence','high','female','white','no','YYYYYNYYYYYYYYYYYYNYNNYYYY--YYYYNYYYY-YYYNNNNN');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-013','community','very high','male','white','no','YYYYYYYYYYYYYYYYY-YYYYYYYN--YYYYYYYY----------');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-014','community','very high','male','white','no','YNNYYNYYYYNNYNYYYYYYNYYYNYY-YYYYYYNYYYYYYYYYY-');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-015','licence','medium','male','white','no','YYYYYYYNNYNNYYYYYNYYYYYYYY--YNNY-N-NYNYY-YNNNN');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-016','licence','medium','male','white','yes','YYY-NNYNYYNYYYYYYYNNYNYYY--YYYYYYNNNYYYYYNNNYN');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-017','community','medium','male','white','no','YYYYY-YYY-YNYY-YYYN-NNYYYYY-YYNYYY-YYYYY--YYY-');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-018','licence','medium','female','white','yes','YYNYNNNYYNYYYNYNNNNYNYYYY--YNYNNNY-YY-YNNNNNNY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-019','community','medium','male','white','no','NNNNNNNNYYNYNYNNNNNNNNNYNNN-NNYNYNNNNNNNNNNNNY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-020','licence','medium','male','white','no','YYNYYYYY-YYYYYYYYYYYNYYYY---YYYYYY-YYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-021','community','low','male','white','no','N-NNNNNNYNNNNNYNNYNNNNYY-YN-NYYNYNNNYYYN-NNNN-');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-022','licence','medium','male','white','yes','YYYYYYYYYYYYNNYYNYNNYNYY-Y-YNNNNYY-YYYYYYYYYNY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-023','community','medium','male','white','no','YYYYYYYYYYYYYYYYY-YYYYYYY---YNYYYY-Y----------');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-024','licence','medium','female','white','no','NYYNYYYNNNN-YYYNNNNYNNYYNYY-NNYYNN-NYYYNNNNNNN');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-025','licence','high','male','white','no','YYYYYYNY-YYYYYYYYYYNYNYYY---YNYYYNNNYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-026','licence','medium','male','white','no','YYN-NNNNNNNYYYNNNYNNNYY-----NYNYNN-NYYYYYYNYYN');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-027','community','high','male','white','no','YYYYNNYYYYYYYNYNNYYYYYYNY---YY-YYY-YYYYNNNY-YY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-028','community','medium','male','white','no','YYNYYYNNNYYNYY-Y-YNNNYYYYYY-YYYYYN-NYYYYYYNNN-');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-029','community','medium','male','white','no','YYNNYNYYYNYYY-YYYYYYYNYNYYY-YNNNYYYNYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-030','community','medium','male','white','no','YYYYY-YNNNNNYY-YNYYYYYYYYYY-YYY-NN-NYYYYYYNNYY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-031','licence','low','male','white','yes','YYYYY-YYYYYNYYNYYNYYY-YYY---YYYNYY-YYYYYYYYYNY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-032','licence','low','male','asian','yes','YYYYYYYNNYNNYYYYYYYYNYYYY--YYYYY-N-NNYNY-YYYYY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-033','community','high','male','white','no','YYYYYYNNNNNYYYYYNYNYN-YYY---YYYYYNNNYYYYNYYYYY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-034','community','low','male','black','no','YYYYYYYYYN-NYYYYY-YY-YYYYYY-YYY--YYYYYYYYYYYNN');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-035','licence','low','male','white','no','YYNYYYYYYYYYYYYYNYYYNYYYYYY-YYYYNYYNYYYYNYYYYY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-036','licence','medium','male','white','no','YYYYYYYYYYYYYYYYNYYYYYYNY---YYYYYYNYYYYYYYYNYY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-037','community','low','male','asian','no','NNNNYYYNNYNYNNNYNYNNNYYYYNN-YYYYYN-NN-NYYYNYNY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-038','community','medium','male','white','no','YYYYYYYYYNNYYY-Y-YYYNYYYY---YYYYYYYYYYYYYYYNYY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-039','community','high','male','white','no','NNNNNNNYYYYYYYYYYYNYNYNNYNY-YYYYYYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-040','community','high','male','white','no','YYYYYYYYYNY-YYYYYNNNNYYYY---Y-YY-YYY----------');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-041','community','medium','male','white','no','YYYYYNYNNYNNYY-YY-NNN-YNY---YYYYYN-NYYYYYYNNYY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-042','community','high','male','white','no','YYYYNNYNNNYNYNYYYYNNYYYNY---NNNNNN-NNNYYYYNNNN');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-043','community','high','male','white','no','NNNNNNYNNN-NNNYNNYNNN-NNYYY-NYNNNN-NNNYNNYNYNY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-044','community','high','female','white','no','YYYYNN-Y-YYYNNYNNYYYYYYYY---NNYNNY-YYYYNNYYYY-');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-045','community','medium','male','white','no','YYYYYY-YYNYNYYYY-YYY-YYYYNY-YYYYYYNYYYNYYYYYYY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-046','community','high','male','white','no','YYYYYYYY---YYYYYYYYY-YYYYYY-YNYYYYYYY-YYYYYYYN');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-047','community','high','male','white','no','YYYYYNYYYYYNYY-YYYYYYYY-Y---YNYYYY-YY-YYYYYYYY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-048','community','high','male','white','no','Y-NYYNYYYYYYYY-YYYYNYYYYYYN-NNYNNNNNYNYYY-N-NN');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-049','community','high','male','white','no','YYNYYYYYYYYYYYYYYYYYYNYYYYY-YYNYYYYYYYNYYYYY-Y');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-050','licence','medium','male','mixed','no','YY-YNNNNNNNYYYYYYYYYYYYYN---YYYYYYYYYYYNNYNNNN');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-051','licence','medium','female','white','no','YYYYYYYYYY-YYYYYYYYYYYYYY---Y-Y-YYYYYYYY--YYYY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-052','community','high','male','white','no','YNNYYNYY-YY-YYYYYYYYYYYYY---YYYYYYY-----------');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-053','licence','medium','male','white','no','YYYYY-YN-NNYYYYYYYNNNYYYN---YYYYYNYN----------');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-054','community','low','male','white','yes','YYYNNNYYY-YYYYYYYYNNNNYYYYN-NNYY-YYYYYYYYYYNYY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-055','community','medium','female','white','no','YYYYYYYYY-Y-YYYYNYYYNYYY----YYYYYYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-056','community','high','female','white','no','YYYYYYYNNYNYYYYYYYNYNNYYN---YYNYYNYNYYYYYYNNNN');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-057','community','high','male','white','no','Y-Y-NYNNNYNYYYYNNYNYYNYNYYY-NNNNNY-YYYYNYNYYYY');
INSERT INTO "inspection_case" VALUES('gwent-2025','GW-058','community','high','male','white','no','YYYYY-YNYNYNYYYYYYYYY-Y-YYY-YY-YYY-YYYYYYYNYN-');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-001','community','medium','male','white','no','NNNYNNYNYNNYNNNYYYNNYNNNNYN-NNNNNY-YYYYNYNNNNN');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-002','licence','high','male','white','no','NYNNNYNNNNYNNYNNYNYYYYYYY---NNN--N-NNNYYYYYYYY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-003','community','medium','male','asian','yes','YYYYYYNYYYYYYY-YYYYYYYY-Y---YYYYYYNYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-004','community','high','male','white','no','YYYYYYYNYNYYYYYYYYNNNNYNYYY-YYYYYNNNYYYYYYNYNN');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-005','community','medium','male','white','no','YYY-YYYNN-NNN-NYYYNNYNYY-YY-YYYY-NN-NYNYYYNYNN');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-006','licence','high','male','white','no','YYYYNNNYYYY-YNYNNNYYYYYYY---NNYNNY-YYYYNNYY---');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-007','community','medium','male','white','no','NNNYYYYNNNNYYYYYYYNNYNYYY---YYNYYNNNNYNYNYNNNN');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-008','community','medium','male','mixed','no','YYYYYYYYYYY-Y-YYYYYYYYYNY---YYYNYY-YYYYYYYYY-Y');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-009','licence','medium','female','white','no','YYYYYYYYYYYYYYYYYYYNYYYYYYY-YYYYYYYYYYYYY-YYYY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-010','community','high','male','white','no','YYYYNNNYYYYYYYYNYNYYY-YYYYY-NYNNNYYYYYYNNYNNNY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-011','community','medium','male','white','no','YYYYNNNYYNYYYYYNNYYYYYYNY---NNYNNY-YYYYNNNYYYY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-012','community','high','male','white','no','YYYYYYYNNY-YYYYYYYNNYYYYY---YYYYYN-NYY-YYYNNNY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-013','community','medium','female','white','no','YYY-YYYYYNYYYY-YY-Y-YYYYYYY-NNNNNN-N----------');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-014','community','low','male','asian','no','NNNNNNNYYYYYNYNNNYYY-YNYNNN-NNYNNYYYNN-NYNYYYY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-015','licence','very high','male','white','no','YYYYYYYYNYYYY-YYYYYYYYYNY---YYYYNY-YYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-016','licence','high','female','white','no','YNYYYY-YYYYYYYYYYYNY-NNYN---YYYNYNNYNNNYYYNNYN');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-017','community','high','male','white','no','YYYNYYYYYYYYYY-YNYNYNNYYY---YYNYYY-YYYYYNYNYN-');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-018','community','medium','male','white','no','NNYNYYYYYYYYYYYYYYYY-YYYY---YNYYYY-Y----------');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-019','community','high','male','white','no','NNNNYYYNNYNNYY-YYYNNN-YYNY--YYYYYN-NYYYYYYNNNN');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-020','community','medium','male','white','yes','YNNYNYNNYYYNNNNNNNNNNNNNY---N-N-NNNNNYNNNYNYN-');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-021','licence','high','female','white','no','YYYYYYYYYY-YYYYYYYNYNNYYYYY-YNYYYY-YYYYY-YYYYY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-022','community','medium','male','white','yes','YYYYNYNNNYNNYYYNYNN-NNYYYNYNNNYYYNNNYYYNYNNY-N');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-023','community','low','male','white','no','YYYYYYYYYNYYYYYYYYYYYYY-YYY-YYYYYYYYYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-024','community','medium','male','white','yes','YYYNYYYNNNNYYYYYNYYY-YYYY--YYYYNYYY-YYYYYYNNY-');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-025','licence','medium','male','white','yes','YYYYNNNN-YNYNNNNNYYYYNNNNNN-NN-NNYY-NNNNNNNY-N');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-026','licence','very high','male','white','no','NYNNYYNNYNNNNYNY-YNNNNNY-NY-YNYYYNNNNN-NNYNNYY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-027','licence','medium','male','white','no','YYYYN-NNYYN-YY-NNNNYNNYYYYY-NYYYNN-NYY-NN-N-NN');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-028','community','low','male','white','no','YYYYYYYYYNYYYYYYYNYYYYYYY---YYYYYY-YYYYY-YYYYY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-029','licence','high','male','white','no','YYYYYYYYNYYYYYNYYYYYYYYY----YYYYYY-YYY-YYYYYY-');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-030','community','high','female','white','no','YYYYN-NNNN-YYYYNNYNNNNYY----NNYNYN-NYYYNNNYYYY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-031','community','medium','male','white','no','YYYYYYYNNN-NYYYYYNNNNNY-Y---YYYYYN-NYYYYYYNYNY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-032','community','very high','male','white','no','YNYYYNYYYYYYYY-YYYYNYYYYY---YYYYYY--YYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-033','licence','high','male','white','no','YY-YYYYYYNYYYYYYYYNNNNYYY---NNNNNNNN----------');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-034','community','medium','male','white','yes','YY-YNNNNY-NYYYYNNYNNYNNNN--NNYNNYNNNNYNNNNNNYN');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-035','community','medium','female','white','no','YYYYY-YYNYYYYYYYYYYYYYYYY---YYY-NYYNYYYYYYY-YY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-036','community','high','male','black','no','YNYYYNYNNNNNYYYYYYNNNNYYNYY-YNNNYNNYYYYYYYNNNN');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-037','community','high','female','white','no','YYYNYYYY-YNYYNYYYYYYYYYNYYY-YNYYYYYNYY-Y-YYYYY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-038','community','high','male','white','no','NNNNNN-NNYNNNNYNNNNYNNNNNYY-NYNN-NNNNNNNYNNNNY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-039','community','low','female','white','yes','Y-NYYYNNY-YNYYYYYYYY-YYYYYYYYYYYNY-YYYYYY-YYNY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-040','licence','low','male','white','no','YYYYYYYYYYYYY-YYYYYYYYYYY---YYYYNY--YY-YYYYY-Y');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-041','licence','medium','male','white','no','YY-YYYYNNYNNY-YYYYNN-NYNY---Y-YYNNYNYYYYYYNNNN');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-042','community','medium','male','white','no','YYYYYYYYNYYYNNNYYYNNN-Y--YY-Y-YYYYNYYYYYYYNNNN');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-043','licence','very high','male','white','no','YYYNYYYYYNYYYNYYY-YYYYYYNY--YYYNYYYYYYYYNYNNNY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-044','licence','medium','male','white','no','Y-YYYYYYYYYYYYYYNYYYYYYYY---YYNYYYNYYYYYNYYYNY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-045','licence','medium','male','white','no','NYNYNNYNNNNNY-YYYYNYNNYYYYY-NNNNNN-NYYNNNYNN-N');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-046','community','medium','male','white','yes','YYYYYYYYYYYYYYYY-YYYY-YYY--YYYY-YN-NYYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-047','community','medium','male','white','no','YYYYYYYYYYYYNNNYYYNNN-YYNYY-YYYNYN-NYYYYYYNNN-');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-048','licence','low','male','white','no','NYYNNNYNY-NYNYNNYNNNNNYY-Y--NNYYNN-NYYYNNYNNNN');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-049','licence','high','male','white','no','YYNYN--NYNNNYYYNNNNNNNY--YY-NNNNYYYNYNYNNNNN-Y');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-050','community','medium','male','white','no','YYYYYYYY-YYYYYYYYYYYYYY-Y---YYYYYYYYYYNYYYYYYN');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-051','community','high','male','white','no','Y-YYYYYYYYYYYNYYYYYYYYYYYYN-YYYYYYY-YYYYYYYYYY');
INSERT INTO "inspection_case" VALUES('swansea-neath-port-talbot-2025','SN-052','licence','high','male','white','no','YYYYY-YYYY-YYYYYNYYYYNYNYYY-YYNYYY-YYYYYNYYY-Y');
CREATE TABLE judgement (  inspection TEXT NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,  standard TEXT NOT NULL,  rating TEXT NOT NULL,  rationale TEXT NOT NULL DEFAULT '',  PRIMARY KEY (inspection, standard)) STRICT;
INSERT INTO "judgement" VALUES('north-wales-2025','P1.1','Good','A settled senior team with a clear direction, well known to partners; risk-of-harm work is the stated priority and quality work is under way, though information exchange with police and children''s services still lags.');
INSERT INTO "judgement" VALUES('north-wales-2025','P1.2','Good','Posts are filled across almost all grades, workloads are manageable and staff have routes to learn and progress; recording of management oversight and the confidence of newer staff need work.');
INSERT INTO "judgement" VALUES('north-wales-2025','P1.3','Good','Commissioned and local services cover most needs, with strong public protection partnerships; mental health and substance misuse provision cannot meet demand.');
INSERT INTO "judgement" VALUES('cardiff-and-the-vale-2025','P1.1','Good','Leaders have a plan built around the mix of services in and around the capital and share it widely; their drive on risk of harm work is recent and has not reached every team.');
INSERT INTO "judgement" VALUES('cardiff-and-the-vale-2025','P1.2','Requires improvement','Probation officer vacancies leave many cases with trainees or agency staff, and caseloads in two teams are too high for the supervision those cases need.');
INSERT INTO "judgement" VALUES('cardiff-and-the-vale-2025','P1.3','Good','Specialist provision for accommodation, women and young adults is strong and well used; waits for some accredited programmes are long.');
INSERT INTO "judgement" VALUES('cwm-taf-morgannwg-2025','P1.1','Requires improvement','Several changes of senior manager within a year have slowed improvement work, and teams do not yet know the plan for better risk of harm practice.');
INSERT INTO "judgement" VALUES('cwm-taf-morgannwg-2025','P1.2','Requires improvement','High caseloads and a reliance on newly qualified officers leave too little time for thorough assessment, and management oversight is thin.');
INSERT INTO "judgement" VALUES('cwm-taf-morgannwg-2025','P1.3','Requires improvement','Routes into housing and mental health services are unclear, and some commissioned services are under-used.');
INSERT INTO "judgement" VALUES('dyfed-powys-2025','P1.1','Good','Leaders run a large rural area well, using hub offices and remote contact sensibly, and they act on what their audits find.');
INSERT INTO "judgement" VALUES('dyfed-powys-2025','P1.2','Good','A settled, experienced workforce carries manageable caseloads; newer officers have mentors and feel able to ask for advice.');
INSERT INTO "judgement" VALUES('dyfed-powys-2025','P1.3','Good','Distances limit access to some programmes, but outreach and remote delivery have been arranged to close most of the gaps.');
INSERT INTO "judgement" VALUES('gwent-2025','P1.1','Good','Leaders pair a clear direction with close working alongside the police and health boards, and they follow the quality of casework closely.');
INSERT INTO "judgement" VALUES('gwent-2025','P1.2','Good','Most posts are filled, workloads are looked at weekly and staff value the learning time their managers protect; oversight is not always written up.');
INSERT INTO "judgement" VALUES('gwent-2025','P1.3','Good','A wide range of commissioned and local services is on offer, with good use of women''s centres and of employment and training support.');
INSERT INTO "judgement" VALUES('swansea-neath-port-talbot-2025','P1.1','Good','The head of service and senior managers are visible and well regarded, and a practice improvement plan shaped by staff is under way.');
INSERT INTO "judgement" VALUES('swansea-neath-port-talbot-2025','P1.2','Requires improvement','Sickness absence and turnover among middle grades have broken the rhythm of supervision, and too few staff have had recent training in domestic abuse work.');
INSERT INTO "judgement" VALUES('swansea-neath-port-talbot-2025','P1.3','Requires improvement','Demand for substance misuse and mental health support outstrips supply, and practitioners are unsure which local services will take a referral.');
INSERT INTO "judgement" VALUES('wales-2025','R1.1','Good','Regional and local leaders share one direction, have championed the human factors approach to supervision and are open about how far work to keep people safe still falls short.');
INSERT INTO "judgement" VALUES('wales-2025','R1.2','Requires improvement','Recruitment has picked up, but experienced officers are still short in several PDUs and management oversight of cases is uneven from one unit to the next.');
INSERT INTO "judgement" VALUES('wales-2025','R2.4','Requires improvement','Reports for court are prepared on time, but too few are informed by domestic abuse and child safeguarding checks before sentence is passed.');
INSERT INTO "judgement" VALUES('wales-2025','R2.5','Requires improvement','Placements exist across the region, yet hours are completed slowly and risk information does not reliably reach the supervisors of unpaid work.');
INSERT INTO "judgement" VALUES('wales-2025','R2.6','Requires improvement','Victims are contacted promptly and kept informed, but victim liaison staff and probation practitioners do not pass information to each other consistently.');
CREATE TABLE "narrative" (  inspection TEXT NOT NULL REFERENCES inspection(id) ON DELETE CASCADE,  lang TEXT NOT NULL DEFAULT 'en',  position INTEGER NOT NULL,  section TEXT NOT NULL,  line INTEGER NOT NULL,  body TEXT NOT NULL,  PRIMARY KEY (inspection, lang, section)) STRICT;
INSERT INTO "narrative" VALUES('north-wales-2025','en',0,'foreword',8,'Leadership in North Wales PDU was strong, settled and well connected to the other agencies that
share responsibility for people on probation. Frontline work to build relationships with people
on probation, and to help them move away from offending, was mostly effective as a result.

Work to assess and manage the risk that people on probation pose to others was not yet good
enough, though. Every standard of case work fell short on keeping other people safe, and the PDU
is rated ‘{overall}’ overall, with a score of {score} out of {max-score}.

The Head of Service was visible in every office and trusted by partner agencies across the
region, and the senior team around him was approachable and attentive to staff. Staff in turn
put the individual needs and backgrounds of people on probation at the centre of their work.

The PDU stretches over a wide area of towns and remote countryside. Leaders had nonetheless built
one shared identity, in which staff in each office felt they belonged to the same team. That
sense of common purpose helped when staff from Wrexham and Flintshire were sent to HMP Berwyn to
help with the induction of people released after fixed-term recall.

Diversity was approached with intent. Plans on disproportionality, on Welsh-language
services and on reaching rural communities each named concrete actions, and the PDU works in Welsh and
English alike. It did more than the law requires to promote the Welsh language.

Leaders knew that the information they received about domestic abuse and the safeguarding of
children was not always good enough, and that staff did not always request what they needed
in a way that got it. Some progress had been made, but leaders now need to work with the police and
children''s services to get information flowing reliably.

Leaders were candid about what had to improve, and staff at every grade understood that keeping
people safe came first. That shared understanding, together with the PDU''s evident strengths in
supporting people on probation, gives it a firm base from which to make the improvements this
report sets out.');
INSERT INTO "narrative" VALUES('north-wales-2025','en',1,'signature',40,'**HM Chief Inspector of Probation**');
INSERT INTO "narrative" VALUES('north-wales-2025','en',2,'recommendations-intro',43,'Our recommendations follow from the findings of this inspection. If they are put into practice,
we expect them to improve the quality of probation services in the PDU.');
INSERT INTO "narrative" VALUES('north-wales-2025','en',3,'recommendations',47,'1. make sure that requests for domestic abuse and child safeguarding information follow a clear
   process, and that the replies carry enough detail for risk of harm to be assessed, planned for
   and managed on good information
2. work with the police and children''s social care to settle the problems with the quality and
   speed of their answers when asked about domestic abuse and child safeguarding
3. strengthen work with people on probation before and straight after their release from custody,
   and the services available to them at that point
4. build practitioners'' confidence and skill in professional curiosity, so that signs of risk are
   noticed, analysed, planned for and acted on
5. equip practitioners, through training and experience, to analyse risk thoroughly, so that the
   work to protect others gets better.');
INSERT INTO "narrative" VALUES('north-wales-2025','en',4,'background',60,'Inspectors spent two weeks in North Wales PDU, starting on {fieldwork}. The sample held {cases} cases, {sentence_type=community:cases} of them community orders and {sentence_type=licence:cases} people on
licence after prison, and we talked with the practitioners who held many of them.

The Probation Reset policy applied while we inspected. Of the cases in our sample,
{probation_reset=yes:cases} were under Probation Reset, and {2.3.1e:relevant} of those had the
adjusted standards applied, so that supervision stopped for the last third of the sentence.

North Wales is one of the PDUs of the {region} probation region. Its main offices are in
Caernarfon, Colwyn Bay, Wrexham and Flint, with a satellite office in Pwllheli; reporting also
takes place in police stations across the area, among them Rhyl, Llandudno, Bangor, Holyhead,
Llangefni, Dolgellau and Blaenau Ffestiniog. When the inspection was announced the PDU supervised {caseload} people, and violence was
the most common type of offence, a little above the regional average.

The PDU covers six local authority areas (Ynys Môn, Gwynedd, Conwy, Denbighshire, Flintshire and
Wrexham) and is served by North Wales Police. Two approved premises and HMP Berwyn in Wrexham lie
within its area, though none is run by the PDU. Crown courts sit in Caernarfon and Mold, and
magistrates'' courts in Wrexham, Mold, Caernarfon and Llandudno. Staffing stood above its full
complement across all grades when we inspected.

Welsh identity is strong in the region, and more people speak Welsh here, many as a first
language, than elsewhere in Wales. The PDU is bilingual and offers its core services in Welsh or
English.

Commissioned rehabilitative services were provided by Nacro (accommodation), St Giles Wise
(personal wellbeing, and finance, benefit and debt) and The Nelson Trust (women''s services), and
Betsi Cadwaladr University Health Board had lately taken over drug and alcohol services. The PDU
had added local arrangements of its own, such as BrainKind for people with a traumatic brain
injury and the Third Sector Consortium for people with neurodivergent needs.');
INSERT INTO "narrative" VALUES('north-wales-2025','en',5,'P1.1 strengths',91,'- The senior leadership team was stable and worked well together. Roles were clear, members backed
  and challenged one another constructively, and problems were dealt with as they arose. Leaders
  held to a clear strategic direction and understood the pressures on their staff.
- Staff, partners and people on probation all spoke highly of the Head of Service. His influence
  reached beyond probation, shaping how agencies worked together, and showed most in how he
  engaged staff, drove learning and encouraged development across the criminal justice partners.
- Sound management structures let leaders keep a firm grip on most of the PDU''s work. Working with
  senior probation officers (SPOs) and the human resources business partner, they had cut sickness
  absence markedly. Senior leaders gave middle managers a full day each month to pass on key
  messages and hear how policies were working in practice.
- Leaders had embedded a ‘human factors’ approach. A short structured checklist at the start of
  each day helped teams solve problems and respond quickly to urgent matters, and SPOs had time set
  aside to learn how to support staff, build psychological safety and communicate well. Staff
  valued the approach because it made them feel heard and looked after; it also helped leaders
  spread work fairly, keep track of open concerns and reduce errors.
- Leaders had created a single identity across a large area of town and country, which was no small
  achievement. That shared identity helped the PDU cope with pressures such as moving practitioners
  from the Wrexham and Flintshire teams into HMP Berwyn as the number of people released after fixed-term recall
  rose.
- The PDU acted on its own quality assurance and had a clear plan for improvement. Leaders kept
  returning to the importance of managing risk, and nearly all staff knew what their priorities
  were. Quality development officers (QDOs) supported the work, and public protection practice had
  begun to improve, though much remained to do.
- The head of the PDU took a real interest in what people on probation thought. He chaired a monthly
  forum for engaging people on probation with members from every office, and, in response to their
  views, staff had written easy-read leaflets explaining what a sentence requires.');
INSERT INTO "narrative" VALUES('north-wales-2025','en',6,'P1.1 improvements',119,'- Information sharing with the police and social services needed to get better: without it,
  practitioners could not judge the risk that men on probation posed to women and children. Plans to give
  practitioners access to police systems were not finished, and although access to children''s
  services information had improved in Denbighshire, the other five local authorities lagged behind.
- Managers did not always make sure that assessments looked at the risks to every potential victim,
  and practitioners were not always curious enough, which weakened the work to identify and protect
  victims.
- Some staff felt unsafe because of the state of some buildings. In Flint, a shortage of interview
  rooms meant long waits for people on probation and a higher risk of aggression; in Caernarfon, the
  room kept for seeing people who might harm staff had no protective screen. Leaders had raised both problems
  with the estates team, but neither had been fixed.
- Because of long-standing shortages of probation officers, the PDU had chosen not to second staff
  to the local youth justice services. Liaison over young people moving to adult services on coming of age was
  good, but probation staff took no active part in managing children in the justice system.');
INSERT INTO "narrative" VALUES('north-wales-2025','en',7,'P1.2 strengths',135,'- Staffing had improved, including in grades that had carried vacancies. Staffing stood above its
  full complement overall and almost every SPO and probation officer (PO) post was filled; there were
  no vacancies for probation services officers (PSOs) and only a few for case administrators.
  Workloads were manageable in every office as a result.
- The PDU expected to stay fully staffed as trainee probation officers qualified and practitioners
  returned from elsewhere: several trainees were due to qualify at the end of the year, and one PO
  was due back in the autumn.
- The way cases were allocated, and the brief daily checklist meetings, let managers adjust
  caseloads quickly when practitioners came under pressure and keep track of the tasks each person
  held. Almost every practitioner who answered our survey said they were given cases they had the
  skills and knowledge to manage.
- Outreach to under-represented communities had paid off: the share of staff from Black, Asian and
  minority ethnic groups had grown beyond their share of the caseload. A television series made with
  S4C, ‘Ar Brawf’ (‘On Probation’), had raised the profile of probation work in Welsh-speaking
  communities.
- Staff at every grade were helped to progress. Four POs had become SPOs and a senior administrative
  officer had become business manager, and others had moved into specialist regional roles. Most
  staff who answered our survey said the PDU valued continuous learning.
- There were many ways to learn: protected learning time, group forums, one-to-one support,
  reflective sessions with Datrys (Resolve) and joint learning with police colleagues. Training for
  reception staff in handling difficult conversations had made them more confident, and staff could
  shadow colleagues to learn about other roles.
- After a pilot, the operational delivery model had been adopted widely. Small clusters of an
  administrator, PSOs and POs kept information flowing and gave everyone a share in the work.
- Leaders helped practitioners to focus on priority cases: a dedicated ‘final third’ team managed
  every Probation Reset case. The PDU pushed for interventions to start promptly under the ‘Start
  Right, End Right’ approach.
- QDOs carried out audits and dip samples, ran monthly themed sessions and workshops, and offered
  practitioners a reflective space to discuss cases. Their support had helped practitioners
  do better work on keeping people safe.');
INSERT INTO "narrative" VALUES('north-wales-2025','en',8,'P1.2 improvements',167,'- Management oversight was often not recorded in the cases we read, beyond allocation and the
  countersigning of risk assessments. Because practitioners chose which cases to discuss with their
  managers, gaps in safeguarding and public protection work could go unnoticed, and conversations
  about risk outside formal supervision were not always written down.
- Leaders, managers and some partners agreed that newer practitioners were often short of
  confidence and knowledge. That lack of experience accounted for several weaknesses in
  public protection work, particularly in following up new information of concern. The PDU needed a clearer picture of
  what each member of staff still had to learn, so that training could be aimed where it was needed.
- Little use was made of volunteers and peer mentors, although leaders had credible plans to involve
  people with lived experience of probation in the PDU''s work.');
INSERT INTO "narrative" VALUES('north-wales-2025','en',9,'P1.3 strengths',179,'- Multi-agency public protection arrangements (MAPPA) worked well at levels two and three. The PDU
  had brought in an action plan and guidance for level one cases following a joint thematic
  inspection, and worked closely and effectively with police colleagues who manage sexual and
  violent offenders.
- Leaders used diversity data to improve outcomes. SPOs took diversity into account when allocating
  cases; the PDU had a plan for rural areas, offered supervision in Welsh or English, and ran
  women-only reporting sessions in most offices.
- Most sentencers were satisfied with the PDU''s service. A well-established liaison forum, and
  regular meetings through the year, kept them informed of changes in probation policy, gave them a
  channel for feedback and resolved concerns quickly.
- Leaders knew that a mental health condition was the most common disability among people on
  probation, and had commissioned services for them: every office had a mental health clinic, a service supported
  people with a traumatic brain injury, and one-to-one coaching helped people with neurodivergent
  needs to engage.
- Most women on probation received the support they needed to stop offending, at places where no men
  were present and from services that were holistic and aware of trauma. Women leaving HMP Styal
  were supported before release so that the move back to the community went smoothly.
- Integrated offender management worked well. Police and probation staff shared offices and
  information quickly, and women''s services and substance misuse providers worked from the same
  buildings, which made joint problem-solving easier.
- Staff had good working relationships with the regional CORRE team (centralised operational,
  resettlement, referral and evaluation), which helped them match people on probation to suitable
  interventions and complete referrals. New PSOs and trainees especially valued these discussions.
  In our cases, {2.3.1a:percent} per cent of sentences had their requirements started promptly or at
  a suitable time.
- Practitioners delivered structured interventions, including toolkit sessions, consistently; the
  PDU''s use of them was the highest in the region by a wide margin.');
INSERT INTO "narrative" VALUES('north-wales-2025','en',10,'P1.3 improvements',208,'- Fewer than half of the people who began an intervention with the commissioned accommodation,
  personal wellbeing or women''s services had finished it. Interventions were not always sequenced
  well, so some people were enrolled before they were ready.
- Too few people with substance misuse problems were in treatment, partly because of a change of
  provider during the year, which had also upset the figures on referrals and completions.
- Mental health treatment requirements were in far greater demand than the service could meet, and
  many people were still waiting for treatment to begin when we inspected.');
INSERT INTO "narrative" VALUES('north-wales-2025','en',11,'diversity strengths',217,'- Welsh was promoted and used throughout the PDU''s business, so naturally that it was the everyday
  language between many staff and people on probation. Every team had bilingual practitioners, and
  leaders knew where Welsh-speaking people on probation lived and encouraged staff to learn Welsh.
- The PDU drew on its data to learn who its staff and people on probation were and what they needed.
- Leaders showed a real commitment to inclusion and were seen as genuine partners in improving life
  for communities across North Wales. Almost every survey respondent who needed reasonable
  adjustments had them, and middle managers understood what staff needed to work safely.
- In {2.3.2c:yes} of {2.3.2c:relevant} relevant cases, practitioners drew on what the person did well
  and reinforced protective factors. They often responded well to past trauma,
  neurodivergence and other personal characteristics.
- The PDU delivered its core services in Welsh or English at every stage of a sentence, going beyond
  its statutory duty to offer, promote and celebrate the Welsh language.
- A long partnership with The Nelson Trust gave women a local hub with a safe place to meet,
  sessions on emotional health and wellbeing, and a sexual health clinic. The Trust''s work in HMP Styal
  identified women returning to North Wales so that support was ready on release.');
INSERT INTO "narrative" VALUES('north-wales-2025','en',12,'diversity improvements',234,'- Mental health treatment requirements had proved so popular that demand soon outran capacity. New
  referrals had to be paused for a time, and many people were waiting for help when we inspected.
- Personal wellbeing services were available throughout the PDU, but people in remote rural areas
  were offered appointments by telephone rather than in person. As a mental health condition was the most common
  disability on the caseload, this needed attention.');
INSERT INTO "narrative" VALUES('north-wales-2025','en',13,'P2.1 findings',241,'- Practitioners engaged people on probation well when assessing them: {2.1.1:percent} per cent of
  relevant assessments focused enough on engagement, and most took proper account of the person''s
  circumstances and how these might affect them.
- Assessments considered how a person''s protected characteristics might bear on compliance in
  {2.1.1c:percent} per cent of cases, and the person took a real part in their own assessment in
  {2.1.1a:yes} of {2.1.1a:relevant} cases.
- Factors linked to offending were identified and analysed in {2.1.2a:percent} per cent of cases,
  and strengths and protective factors in {2.1.2b:percent} per cent. Practitioners understood what
  lay beneath a person''s offending and what would help them stop.
- Assessment focused enough on keeping other people safe in only {2.1.3:percent} per cent of cases.
  Getting timely, good-quality safeguarding information was a common problem, and in {2.1.3d:no} of
  {2.1.3d:relevant} relevant cases practitioners did not make enough use of information to assess
  risk. Not every assessment identified the risks to children.
- Practitioners needed to be more curious about past behaviour and to weigh it together with what
  other agencies knew. Assessments drew sufficiently on all available sources in {2.1.3b:yes} of
  {2.1.3b:relevant} cases.');
INSERT INTO "narrative" VALUES('north-wales-2025','en',14,'P2.2 findings',259,'- Planning engaged people on probation particularly well and showed how skilled practitioners were at
  building relationships. In {2.2.1a:percent} per cent of cases the plan fixed how often and in what way
  the person would be seen, in a way likely to support engagement, and plans took account of protected characteristics and
  circumstances such as neurodivergence, work and childcare.
- Planning to reduce reoffending was sufficient in {2.2.2:percent} per cent of cases. Discussions with
  the CORRE team helped practitioners choose interventions that tackled the most important factors
  behind offending in {2.2.2a:percent} per cent of cases, and plans built on strengths and protective
  factors in {2.2.2b:yes} of {2.2.2b:relevant} relevant cases.
- Routes for obtaining safeguarding and domestic abuse information existed, but the detail that came
  back varied and processes differed between the six local authorities. In {2.2.3c:no} of
  {2.2.3c:relevant} relevant cases, plans were not properly linked to the work of other agencies.
- The focus on desistance differed markedly by type of sentence: {sentence_type=community:2.2.2:percent}
  per cent of community orders had sufficient planning for desistance, against
  {sentence_type=licence:2.2.2:percent} per cent of releases on licence.');
INSERT INTO "narrative" VALUES('north-wales-2025','en',15,'P2.3 findings',275,'- Engagement with people on probation was nearly always good. Most requirements began
  promptly, and diversity needs were taken into account in {2.3.1b:percent} per cent of cases.
- Good relationships were used to tackle non-compliance, which was usually dealt with quickly enough
  to make formal enforcement unnecessary. Where enforcement was needed, it was sufficient in
  {2.3.1c:yes} of {2.3.1c:relevant} cases, and practitioners re-engaged the person afterwards in
  {2.3.1d:yes} of {2.3.1d:relevant} cases. For Probation Reset cases, services to support the person
  beyond the end of supervised contact were in place in {2.3.1e:yes} of {2.3.1e:relevant} cases.
- Commissioned rehabilitative services were offered in {2.3.2a:yes} of {2.3.2a:relevant} relevant
  cases, and local services were drawn in to support and sustain desistance in {2.3.2b:yes} of
  {2.3.2b:relevant}. Practitioners delivered structured interventions using toolkits consistently.
- Practitioners did not engage often enough with the people who mattered in the lives of those they
  supervised, such as family members and other supporters: this happened in only
  {2.3.2d:percent} per cent of relevant cases.
- Multi-agency work to safeguard children was effective in only {rosh=medium:2.3.3a:yes} of
  {rosh=medium:2.3.3a:relevant} relevant medium-risk cases and {rosh=high+very high:2.3.3a:yes} of
  {rosh=high+very high:2.3.3a:relevant} high or very high risk cases.[^rosh] Leaders had a plan and a
  QDO to help practitioners work with other agencies, and internal audits showed some gains, but much
  more was needed. Information sharing was better in high-risk cases, which tended to go to
  experienced staff; managers and partners pointed to the inexperience of newer practitioners as one
  reason for the gaps.
- Because complex cases went to experienced practitioners, those staff carried extra pressure and
  managers had more to oversee. Understanding what each practitioner still needed to learn was
  essential to target training well.');
INSERT INTO "narrative" VALUES('north-wales-2025','en',16,'P2.4 findings',300,'- Reviewing usually responded to changes in engagement and compliance, and people on probation took
  part in a written review in {2.4.1a:yes} of {2.4.1a:relevant} relevant cases. Changes in factors
  linked to offending were identified and acted on in {rosh=high+very high:2.4.2a:yes} of
  {rosh=high+very high:2.4.2a:relevant} high or very high risk cases, but in only
  {rosh=medium:2.4.2a:yes} of {rosh=medium:2.4.2a:relevant} medium-risk cases.
- A pilot diversity surgery, run with the Wales diversity team, gave practitioners evidence-based
  advice on complex diversity issues. Staff mostly had a good grasp of what the people they
  supervised needed and used that understanding in plans and interventions; reviews built on strengths and
  protective factors in {2.4.2b:yes} of {2.4.2b:relevant} relevant cases.
- As at every other stage, reviewing work to keep other people safe needed to improve. Reviews noticed and
  acted on changes in the risk of harm in {2.4.3a:percent} per cent of
  relevant cases; reviews drew on the other agencies involved in {2.4.3b:yes} of {2.4.3b:relevant},
  and involved the person and the people close to them in {2.4.3c:yes} of {2.4.3c:relevant}. Reviewing
  was not yet a dependable tool for managing risk.');
INSERT INTO "narrative" VALUES('north-wales-2025','en',17,'further-information',316,'The data annexe to this report holds the full data of the inspection and describes our methodology
in more detail. A glossary of the terms we use is on our website.

One of HM Inspectors led the inspection, supported by fellow inspectors and other Inspectorate
staff. We thank everyone who took part; the inspection could not have happened without their
help.');
INSERT INTO "narrative" VALUES('north-wales-2025','en',18,'footnote rosh',324,'We have not tested the difference between medium-risk and high or very high risk cases with a
relative rate index, so these findings carry that caveat.');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',0,'foreword',8,'Roedd yr arweinyddiaeth yn UCGP {name} yn gryf ac yn sefydlog, ac roedd ganddi gysylltiadau da
â’r asiantaethau eraill sy’n rhannu’r cyfrifoldeb am bobl ar brawf. O ganlyniad, roedd y gwaith
rheng flaen i feithrin perthynas â phobl ar brawf, a’u helpu i gefnu ar droseddu, yn effeithiol
gan amlaf.

Serch hynny, nid oedd y gwaith i asesu a rheoli’r risg y mae pobl ar brawf yn ei pheri i eraill
yn ddigon da eto. Roedd pob safon o waith achos yn brin o’r nod o ran cadw pobl eraill yn
ddiogel, a chafodd yr UCGP y radd gyffredinol ‘{overall}’, gyda sgôr o {score} allan o
{max-score}.

Roedd Pennaeth y Gwasanaeth i’w weld ym mhob swyddfa, ac roedd asiantaethau partner ledled y
rhanbarth yn ymddiried ynddo. Roedd yr uwch dîm o’i gwmpas yn hawdd mynd ato ac yn ystyriol o’r
staff, ac roedd y staff yn eu tro yn rhoi anghenion a chefndir pob unigolyn ar brawf wrth galon
eu gwaith.

Mae’r UCGP yn ymestyn dros ardal eang o drefi a chefn gwlad anghysbell, ac eto roedd yr
arweinwyr wedi creu un hunaniaeth gyffredin, lle’r oedd staff ym mhob swyddfa’n teimlo’n rhan o’r
un tîm. Bu’r ymdeimlad hwnnw o bwrpas cyffredin o gymorth pan anfonwyd staff o Wrecsam a Sir y
Fflint i CEF Berwyn i helpu i dderbyn pobl a ryddhawyd ar ôl cael eu galw’n ôl am gyfnod penodol.

Cafodd amrywiaeth sylw bwriadol. Roedd cynllun gweithredu ar anghymesuredd, darpariaeth Gymraeg
a strategaeth ar gyfer cymunedau gwledig i gyd yn nodi camau pendant, ac mae’r UCGP yn gweithio
yn Gymraeg a Saesneg fel ei gilydd. Aeth ymhellach nag y mae’r gyfraith yn ei ofyn i hyrwyddo’r
Gymraeg.

Roedd yr arweinwyr yn gwybod nad oedd yr wybodaeth a gaent am gam-drin domestig ac ynglŷn â
diogelu plant bob amser yn ddigon da, ac nad oedd y staff bob amser yn gofyn am yr wybodaeth
gywir yn y ffordd gywir. Roedd rhywfaint o gynnydd wedi’i wneud, ond mae angen i’r arweinwyr
weithio gyda’r heddlu a’r gwasanaethau plant er mwyn sicrhau bod gwybodaeth yn llifo’n
ddibynadwy.

Roedd yr arweinwyr yn onest ynglŷn â’r hyn yr oedd angen ei wella, ac roedd staff ar bob gradd yn
deall mai cadw pobl yn ddiogel oedd yn dod gyntaf. Mae’r ddealltwriaeth gyffredin honno, ynghyd â
chryfderau amlwg yr UCGP wrth gefnogi pobl ar brawf, yn sylfaen gadarn iddi wneud y gwelliannau a
nodir yn yr adroddiad hwn.');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',1,'signature',45,'**Prif Arolygydd Prawf EF**');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',2,'recommendations-intro',48,'Mae ein hargymhellion yn deillio o ganfyddiadau’r arolygiad hwn. Os cânt eu rhoi ar waith, rydym
yn disgwyl iddynt wella ansawdd y gwasanaethau prawf yn yr UCGP.');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',3,'recommendations',52,'1. sicrhau bod ceisiadau am wybodaeth am gam-drin domestig a diogelu plant yn dilyn proses glir,
   a bod yr atebion yn cynnwys digon o fanylion i asesu, cynllunio a rheoli risg o niwed ar sail
   gwybodaeth dda
2. ymgysylltu â’r heddlu a gofal cymdeithasol i blant er mwyn datrys y problemau ynglŷn ag
   ansawdd a chyflymder eu hatebion i ymholiadau am gam-drin domestig a diogelu
3. sicrhau bod y gwaith gyda phobl ar brawf cyn iddynt gael eu rhyddhau o’r ddalfa, ac yn syth
   wedyn, yn gryfach, a bod mwy o wasanaethau ar gael iddynt bryd hynny
4. adeiladu hyder a sgiliau ymarferwyr o ran chwilfrydedd proffesiynol, fel eu bod yn sylwi ar
   arwyddion o risg, yn eu dadansoddi, yn cynllunio ar eu cyfer ac yn gweithredu arnynt
5. arfogi ymarferwyr, drwy hyfforddiant a phrofiad, i ddadansoddi risg yn drylwyr, fel bod y
   gwaith i ddiogelu eraill yn gwella.');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',4,'background',65,'Treuliodd arolygwyr bythefnos yn UCGP {name}, gan ddechrau ar {fieldwork}. Arolygwyd {cases}
achos gennym: {sentence_type=community:cases} o orchmynion cymunedol a
{sentence_type=licence:cases} o achosion a ryddhawyd ar drwydded o’r ddalfa. Buom hefyd yn
cyfweld â’r ymarferwyr a oedd yn gyfrifol am lawer o’r achosion hyn.

Roedd polisi Probation Reset yn weithredol tra oeddem yn arolygu. O’r achosion yn ein sampl, roedd
{probation_reset=yes:cases} o dan Probation Reset, ac roedd y safonau wedi’u haddasu wedi’u
cymhwyso i {2.3.1e:relevant} o’r rheini, fel bod goruchwyliaeth yn dod i ben am draean olaf y
ddedfryd.

Mae {name} yn un o UCGPau rhanbarth prawf {region}. Mae ei phrif swyddfeydd yng Nghaernarfon, Bae
Colwyn, Wrecsam a’r Fflint, gyda swyddfa loeren ym Mhwllheli; mae pobl hefyd yn adrodd mewn
gorsafoedd heddlu ar draws yr ardal, gan gynnwys y Rhyl, Llandudno, Bangor, Caergybi, Llangefni,
Dolgellau a Blaenau Ffestiniog. Pan gyhoeddwyd yr arolygiad, roedd yr UCGP yn goruchwylio
{caseload} o bobl, a thrais oedd y math mwyaf cyffredin o drosedd, ychydig yn uwch na
chyfartaledd y rhanbarth.

Mae’r UCGP yn cwmpasu chwe ardal awdurdod lleol (Ynys Môn, Gwynedd, Conwy, Sir Ddinbych, Sir y
Fflint a Wrecsam) ac yn cael ei gwasanaethu gan Heddlu Gogledd Cymru. Mae dau safle cymeradwy a
CEF Berwyn yn Wrecsam o fewn ei ffiniau, er nad yw’r UCGP yn rhedeg yr un ohonynt. Mae Llys y
Goron yn eistedd yng Nghaernarfon ac yn yr Wyddgrug, a llysoedd ynadon yn Wrecsam, yr Wyddgrug,
Caernarfon a Llandudno. Roedd y staffio’n uwch na’r cyflenwad llawn ar draws pob gradd adeg yr
arolygiad.

Mae hunaniaeth Gymreig yn gryf yn yr ardal, ac mae mwy o bobl yn siarad Cymraeg yma nag yn unman
arall yng Nghymru, llawer ohonynt fel iaith gyntaf. Mae’r UCGP yn ddwyieithog ac yn cynnig ei
gwasanaethau craidd yn Gymraeg neu yn Saesneg.

Darparwyd gwasanaethau adsefydlu a gomisiynwyd gan Nacro (llety), St Giles Wise (llesiant personol,
a chyllid, budd-daliadau a dyledion) a The Nelson Trust (gwasanaethau i fenywod), ac roedd Bwrdd
Iechyd Prifysgol Betsi Cadwaladr wedi cymryd y gwasanaethau cyffuriau ac alcohol drosodd yn
ddiweddar. Roedd yr UCGP wedi ychwanegu trefniadau lleol eraill, megis BrainKind ar gyfer pobl ag
anaf trawmatig i’r ymennydd a’r Consortiwm Trydydd Sector ar gyfer pobl ag anghenion
niwroamrywiol.');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',5,'P1.1 strengths',101,'- Roedd yr uwch dîm arwain yn sefydlog ac yn cydweithio’n dda. Roedd y rolau’n glir, roedd yr
  aelodau’n cefnogi ac yn herio’i gilydd yn adeiladol, ac roedd problemau’n cael sylw wrth iddynt
  godi.
- Roedd gan staff, partneriaid a phobl ar brawf feddwl uchel o Bennaeth y Gwasanaeth. Roedd ei
  ddylanwad yn ymestyn y tu hwnt i’r gwasanaeth prawf, gan lywio’r ffordd yr oedd asiantaethau’n
  cydweithio.
- Roedd yr arweinwyr wedi sefydlu dull ‘ffactorau dynol’. Roedd rhestr wirio fer ar ddechrau pob
  dydd yn helpu timau i ddatrys problemau ac i ymateb yn gyflym i faterion brys, ac roedd y staff
  yn gwerthfawrogi’r dull am ei fod yn gwneud iddynt deimlo eu bod yn cael eu clywed.
- Roedd yr arweinwyr wedi creu un hunaniaeth ar draws ardal fawr o drefi a chefn gwlad, sy’n
  dipyn o gamp.
- Roedd yr UCGP yn gweithredu ar ei sicrwydd ansawdd ei hun ac roedd ganddi gynllun gwella clir.
  Roedd bron pob aelod o staff yn gwybod beth oedd eu blaenoriaethau, ac roedd arferion diogelu’r
  cyhoedd wedi dechrau gwella, er bod llawer i’w wneud o hyd.
- Roedd pennaeth yr UCGP yn cadeirio fforwm misol i ymgysylltu â phobl ar brawf, gydag aelodau o
  bob swyddfa. Mewn ymateb i’w barn, roedd y staff wedi llunio taflenni hawdd eu darllen yn
  esbonio beth y mae dedfryd yn ei ofyn.');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',6,'P1.1 improvements',120,'- Roedd angen gwella’r broses o rannu gwybodaeth â’r heddlu a’r gwasanaethau cymdeithasol: hebddi,
  ni allai ymarferwyr farnu’r risg yr oedd dynion ar brawf yn ei pheri i fenywod a phlant. Nid
  oedd y cynlluniau i roi mynediad i ymarferwyr at systemau’r heddlu wedi’u cwblhau.
- Nid oedd rheolwyr bob amser yn sicrhau bod asesiadau’n edrych ar y risgiau i bob darpar
  ddioddefwr, ac nid oedd ymarferwyr bob amser yn ddigon chwilfrydig.
- Roedd rhai aelodau o staff yn teimlo’n anniogel oherwydd cyflwr rhai adeiladau. Yn y Fflint,
  roedd prinder ystafelloedd cyfweld yn golygu arosiadau hir i bobl ar brawf, ac yng Nghaernarfon
  nid oedd sgrin yn yr ystafell a ddefnyddid i weld pobl a oedd yn peri risg i staff.
- Oherwydd prinder hirdymor o swyddogion prawf, roedd yr UCGP wedi penderfynu peidio â secondio
  staff i’r gwasanaethau cyfiawnder ieuenctid lleol.');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',7,'P1.2 strengths',132,'- Roedd y staffio wedi gwella, gan gynnwys yn y graddau a fu’n brin. Roedd bron pob swydd uwch
  swyddog prawf a swyddog prawf wedi’i llenwi, felly roedd llwythi gwaith yn hylaw ym mhob swyddfa.
- Roedd y ffordd y dyrennid achosion, a’r cyfarfodydd rhestr wirio dyddiol byr, yn gadael i
  reolwyr addasu llwythi achosion yn gyflym pan oedd ymarferwyr dan bwysau.
- Roedd gwaith allgymorth i gymunedau heb gynrychiolaeth ddigonol wedi talu ar ei ganfed. Roedd
  cyfres deledu a wnaed gydag S4C, ‘Ar Brawf’, wedi codi proffil gwaith prawf mewn cymunedau
  Cymraeg eu hiaith.
- Roedd staff ar bob gradd yn cael help i ddatblygu, ac roedd sawl ffordd o ddysgu: amser dysgu
  wedi’i neilltuo, fforymau grŵp, cymorth un i un, sesiynau myfyrio gyda Datrys a dysgu ar y cyd
  â chydweithwyr yn yr heddlu.
- Roedd swyddogion datblygu ansawdd yn cynnal archwiliadau a samplau, yn rhedeg sesiynau thematig
  misol ac yn cynnig lle i ymarferwyr fyfyrio ar achosion.');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',8,'P1.2 improvements',146,'- Yn aml nid oedd goruchwyliaeth reoli wedi’i chofnodi yn yr achosion a ddarllenwyd gennym, y tu
  hwnt i ddyrannu achosion a chydlofnodi asesiadau risg.
- Roedd arweinwyr, rheolwyr a rhai partneriaid yn cytuno bod ymarferwyr mwy newydd yn aml yn brin
  o hyder a gwybodaeth. Roedd angen darlun cliriach ar yr UCGP o’r hyn yr oedd gan bob aelod o
  staff i’w ddysgu o hyd.
- Ychydig o ddefnydd a wnaed o wirfoddolwyr a mentoriaid cymheiriaid.');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',9,'P1.3 strengths',154,'- Roedd trefniadau amlasiantaethol diogelu’r cyhoedd (MAPPA) yn gweithio’n dda ar lefelau dau a
  thri, ac roedd yr UCGP yn cydweithio’n agos ac yn effeithiol â chydweithwyr yn yr heddlu.
- Roedd arweinwyr yn defnyddio data amrywiaeth i wella canlyniadau: roedd cynllun ar gyfer
  ardaloedd gwledig, roedd goruchwyliaeth ar gael yn Gymraeg neu yn Saesneg, ac roedd sesiynau
  adrodd i fenywod yn unig yn y rhan fwyaf o swyddfeydd.
- Roedd y rhan fwyaf o ddedfrydwyr yn fodlon ar wasanaeth yr UCGP.
- Roedd gan bob swyddfa glinig iechyd meddwl, ac roedd gwasanaeth yn cefnogi pobl ag anaf
  trawmatig i’r ymennydd.
- Roedd perthynas waith dda rhwng y staff a thîm CORRE y rhanbarth, a oedd yn eu helpu i baru pobl
  ar brawf ag ymyriadau addas. Yn ein hachosion ni, dechreuodd gofynion {2.3.1a:percent} y cant o’r
  dedfrydau yn brydlon neu ar adeg addas.');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',10,'P1.3 improvements',167,'- Roedd llai na hanner y bobl a ddechreuodd ymyriad gyda’r gwasanaethau llety, llesiant personol
  neu fenywod a gomisiynwyd wedi’i gwblhau, ac nid oedd ymyriadau bob amser yn y drefn gywir, felly
  cofrestrwyd rhai pobl cyn eu bod yn barod.
- Roedd rhy ychydig o bobl â phroblemau camddefnyddio sylweddau mewn triniaeth, yn rhannol oherwydd
  newid darparwr yn ystod y flwyddyn.
- Roedd y galw am ofynion triniaeth iechyd meddwl yn llawer mwy nag y gallai’r gwasanaeth ei
  ddiwallu, ac roedd llawer o bobl yn dal i aros i’w triniaeth ddechrau pan wnaethom arolygu.');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',11,'diversity strengths',176,'- Roedd y Gymraeg yn cael ei hyrwyddo a’i defnyddio drwy holl waith yr UCGP, mor naturiol nes mai
  hi oedd iaith bob dydd llawer o staff a phobl ar brawf. Roedd gan bob tîm ymarferwyr dwyieithog.
- Roedd yr UCGP yn defnyddio’i data i ddeall proffil ac anghenion ei staff a’r bobl ar brawf.
- Mewn {2.3.2c:yes} o’r {2.3.2c:relevant} achos perthnasol, roedd ymarferwyr yn adeiladu ar yr hyn
  yr oedd yr unigolyn yn ei wneud yn dda ac yn atgyfnerthu ffactorau amddiffynnol.
- Roedd yr UCGP yn darparu ei gwasanaethau craidd yn Gymraeg neu yn Saesneg ar bob cam o’r ddedfryd.
- Roedd partneriaeth hir â The Nelson Trust yn rhoi canolfan leol i fenywod, gyda lle diogel i
  gyfarfod, sesiynau ar iechyd a llesiant emosiynol, a chlinig iechyd rhywiol.');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',12,'diversity improvements',186,'- Roedd gofynion triniaeth iechyd meddwl mor boblogaidd nes i’r galw drechu’r capasiti yn fuan, a
  bu’n rhaid oedi atgyfeiriadau newydd am gyfnod.
- Roedd gwasanaethau llesiant personol ar gael ledled yr UCGP, ond cynigiwyd apwyntiadau dros y
  ffôn, nid wyneb yn wyneb, i bobl mewn ardaloedd gwledig anghysbell. Gan mai cyflwr iechyd meddwl
  oedd yr anabledd mwyaf cyffredin ar y llwyth achosion, roedd angen rhoi sylw i hyn.');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',13,'P2.1 findings',193,'- Roedd ymarferwyr yn ymgysylltu’n dda â phobl ar brawf wrth eu hasesu: roedd {2.1.1:percent} y
  cant o’r asesiadau perthnasol yn canolbwyntio digon ar ymgysylltu.
- Roedd asesiadau’n dadansoddi nodweddion gwarchodedig yr unigolyn a’u heffaith ar gydymffurfio
  mewn {2.1.1c:percent} y cant o’r achosion, a chymerodd yr unigolyn ran go iawn yn yr asesiad mewn
  {2.1.1a:yes} o’r {2.1.1a:relevant} achos.
- Nodwyd a dadansoddwyd y ffactorau sy’n gysylltiedig â throseddu mewn {2.1.2a:percent} y cant o’r
  achosion, a’r cryfderau a’r ffactorau amddiffynnol mewn {2.1.2b:percent} y cant.
- Dim ond mewn {2.1.3:percent} y cant o’r achosion yr oedd yr asesu’n canolbwyntio digon ar gadw
  pobl eraill yn ddiogel. Roedd cael gwybodaeth ddiogelu amserol o ansawdd da yn broblem
  gyffredin, ac mewn {2.1.3d:no} o’r {2.1.3d:relevant} achos perthnasol ni wnaeth ymarferwyr
  ddefnydd digonol o’r wybodaeth i asesu risg.
- Roedd angen i ymarferwyr fod yn fwy chwilfrydig ynglŷn ag ymddygiad yn y gorffennol. Roedd
  asesiadau’n defnyddio’r holl ffynonellau a oedd ar gael yn ddigonol mewn {2.1.3b:yes} o’r
  {2.1.3b:relevant} achos.');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',14,'P2.2 findings',209,'- Roedd y cynllunio’n ymgysylltu’n arbennig o dda â phobl ar brawf. Mewn {2.2.1a:percent} y cant
  o’r achosion, roedd y cynllun yn gosod lefel, patrwm a math o gyswllt a fyddai’n cefnogi
  ymgysylltu.
- Roedd y cynllunio i leihau aildroseddu yn ddigonol mewn {2.2.2:percent} y cant o’r achosion.
  Roedd yr ymyriadau a gynlluniwyd yn mynd i’r afael â’r ffactorau pwysicaf mewn
  {2.2.2a:percent} y cant o’r achosion, ac roedd y cynlluniau’n adeiladu ar gryfderau mewn
  {2.2.2b:yes} o’r {2.2.2b:relevant} achos perthnasol.
- Roedd y manylion a ddeuai’n ôl gan asiantaethau eraill yn amrywio, ac mewn {2.2.3c:no} o’r
  {2.2.3c:relevant} achos perthnasol nid oedd y cynlluniau wedi’u cysylltu’n iawn â gwaith
  asiantaethau eraill.
- Roedd y ffocws ar ymatal rhag troseddu yn amrywio’n fawr yn ôl y math o ddedfryd: roedd y
  cynllunio’n ddigonol mewn {sentence_type=community:2.2.2:percent} y cant o’r gorchmynion
  cymunedol, o’i gymharu â {sentence_type=licence:2.2.2:percent} y cant o’r achosion a ryddhawyd ar
  drwydded.');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',15,'P2.3 findings',225,'- Roedd yr ymgysylltu â phobl ar brawf bron bob amser yn dda, a rhoddwyd ystyriaeth i anghenion
  amrywiaeth mewn {2.3.1b:percent} y cant o’r achosion.
- Pan oedd angen gorfodi, roedd y camau’n ddigonol mewn {2.3.1c:yes} o’r {2.3.1c:relevant} achos,
  ac ail-ymgysylltodd ymarferwyr â’r unigolyn wedyn mewn {2.3.1d:yes} o’r {2.3.1d:relevant} achos.
  Mewn achosion Probation Reset, roedd gwasanaethau i gefnogi’r unigolyn y tu hwnt i’r cyswllt dan
  oruchwyliaeth ar waith mewn {2.3.1e:yes} o’r {2.3.1e:relevant} achos.
- Cynigiwyd gwasanaethau adsefydlu a gomisiynwyd mewn {2.3.2a:yes} o’r {2.3.2a:relevant} achos
  perthnasol, a defnyddiwyd gwasanaethau lleol i gefnogi ymatal rhag troseddu mewn {2.3.2b:yes}
  o’r {2.3.2b:relevant}.
- Nid oedd ymarferwyr yn ymgysylltu’n ddigon aml â’r bobl a oedd yn bwysig ym mywydau’r rhai dan eu
  goruchwyliaeth, fel aelodau o’r teulu: dim ond mewn {2.3.2d:percent} y cant o’r achosion
  perthnasol y digwyddodd hyn.
- Roedd y gwaith amlasiantaethol i ddiogelu plant yn effeithiol mewn dim ond
  {rosh=medium:2.3.3a:yes} o’r {rosh=medium:2.3.3a:relevant} achos risg ganolig perthnasol a
  {rosh=high+very high:2.3.3a:yes} o’r {rosh=high+very high:2.3.3a:relevant} achos risg uchel neu
  uchel iawn.[^rosh] Roedd gan yr arweinwyr gynllun i helpu ymarferwyr i weithio gydag asiantaethau
  eraill, ond roedd angen llawer mwy.');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',16,'P2.4 findings',244,'- Roedd yr adolygu fel arfer yn ymateb i newidiadau mewn ymgysylltu a chydymffurfio, a chymerodd
  pobl ar brawf ran mewn adolygiad ysgrifenedig mewn {2.4.1a:yes} o’r {2.4.1a:relevant} achos
  perthnasol. Nodwyd newidiadau yn y ffactorau sy’n gysylltiedig â throseddu, a gweithredwyd
  arnynt, mewn {rosh=high+very high:2.4.2a:yes} o’r {rosh=high+very high:2.4.2a:relevant} achos
  risg uchel neu uchel iawn, ond mewn dim ond {rosh=medium:2.4.2a:yes} o’r
  {rosh=medium:2.4.2a:relevant} achos risg ganolig.
- Roedd adolygiadau’n adeiladu ar gryfderau a ffactorau amddiffynnol mewn {2.4.2b:yes} o’r
  {2.4.2b:relevant} achos perthnasol.
- Fel ar bob cam arall, roedd angen i’r adolygu ar gadw pobl eraill yn ddiogel wella. Nodwyd
  newidiadau yn y ffactorau sy’n gysylltiedig â risg o niwed, ac aethpwyd i’r afael â nhw, mewn
  {2.4.3a:percent} y cant o’r achosion perthnasol; roedd adolygiadau’n defnyddio gwybodaeth gan
  asiantaethau eraill mewn {2.4.3b:yes} o’r {2.4.3b:relevant}, ac yn cynnwys yr unigolyn a’r bobl
  agos ato mewn {2.4.3c:yes} o’r {2.4.3c:relevant}.');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',17,'further-information',259,'Mae’r atodiad data sy’n cyd-fynd â’r adroddiad hwn yn cynnwys holl ddata’r arolygiad ac yn
disgrifio ein methodoleg yn fanylach. Mae geirfa o’r termau a ddefnyddiwn ar ein gwefan.

Un o Arolygwyr EF a arweiniodd yr arolygiad, gyda chymorth cyd-arolygwyr a staff eraill yr
Arolygiaeth. Diolchwn i bawb a gymerodd ran; ni fyddai’r arolygiad wedi bod yn bosibl heb eu
cymorth.');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',18,'footnote rosh',267,'Nid ydym wedi profi’r gwahaniaeth rhwng achosion risg ganolig ac achosion risg uchel neu uchel
iawn â mynegai cyfradd cymharol, felly dylid darllen y canfyddiadau hyn gyda’r cafeat hwnnw mewn
golwg.');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',19,'name',273,'Gogledd Cymru');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',20,'region',276,'Cymru');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',21,'inspectorate',279,'Arolygiaeth Prawf EF');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',22,'P1.1 rationale',282,'Uwch dîm sefydlog gyda chyfeiriad clir, sy’n adnabyddus i bartneriaid; gwaith ar risg o niwed yw’r
flaenoriaeth a nodwyd, ac mae gwaith ansawdd ar y gweill, er bod cyfnewid gwybodaeth â’r heddlu a’r
gwasanaethau plant ar ei hôl hi o hyd.');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',23,'P1.2 rationale',287,'Mae swyddi wedi’u llenwi ar draws bron pob gradd, mae llwythi gwaith yn hylaw ac mae gan staff
lwybrau i ddysgu a datblygu; mae angen gwaith ar gofnodi goruchwyliaeth reoli ac ar hyder staff mwy
newydd.');
INSERT INTO "narrative" VALUES('north-wales-2025','cy',24,'P1.3 rationale',292,'Mae gwasanaethau a gomisiynwyd a gwasanaethau lleol yn diwallu’r rhan fwyaf o anghenion, gyda
phartneriaethau cryf i ddiogelu’r cyhoedd; ni all y ddarpariaeth iechyd meddwl a chamddefnyddio
sylweddau ateb y galw.');
INSERT INTO "narrative" VALUES('wales-2025','en',0,'foreword',11,'Probation in {name} is well led. Regional leaders and the heads of its probation delivery units
pull in the same direction, and they have been willing to try new ways of working rather
than wait for instructions. The region is rated ‘{overall}’ overall, with a score of {score} out
of {max-score}.

The clearest example of that willingness is the human factors approach the region has adopted.
It asks managers to build a culture in which staff learn from what goes wrong instead of fearing
it, and in {name} it has brought short daily check-ins for teams and a regular hour in which
senior probation officers are free to talk through any case. Staff told us they valued both.

The work that matters most for the public has not yet caught up with that ambition. Across the
pooled cases of all the PDUs, keeping other people safe was the weakest strand of every stage of
case work, and public protection is rated ‘{R2.2:rating}’. Practitioners too often assessed and
planned without what the police and children''s services knew, and did not always go back to
those agencies when a person''s circumstances changed.

Leaders know this. They have invested in training, in audits of cases and in better routes for
information between agencies, but the effect on individual cases is still small. The test of
the region''s new initiatives is now whether they make risk of harm work safer, case by case.

There is a firm base to build on. Work to engage people on probation and to help them move away
from offending is sound in most cases, and desistance is rated ‘{R2.1:rating}’. The
recommendations of this report are aimed at carrying that strength into the work that protects
others.');
INSERT INTO "narrative" VALUES('wales-2025','en',1,'signature',37,'**HM Chief Inspector of Probation**');
INSERT INTO "narrative" VALUES('wales-2025','en',2,'recommendations-intro',40,'These recommendations are addressed to the regional leadership of the Probation Service in
{name}. Most of them need the police, local authorities and other partners to act as well.');
INSERT INTO "narrative" VALUES('wales-2025','en',3,'recommendations',44,'1. agree with the police forces and local authorities in {name} how domestic abuse and child
   safeguarding information will reach practitioners before each assessment and review
2. make sure that practitioners ask for, record and act on what partner agencies know when they
   assess risk and plan the work to keep other people safe
3. improve practitioners'' contact with partner agencies, so that rehabilitative services are in
   place when people on probation need them
4. judge the human factors model and the region''s other new initiatives by the difference they
   make to the quality of risk of harm work in cases, and adjust them accordingly
5. strengthen and record management oversight of risk of harm work, and follow up every gap that
   case audits find with the practitioner concerned
6. give practitioners the training and the time to review risk of harm whenever circumstances
   change, with the person on probation and the people around them.');
INSERT INTO "narrative" VALUES('wales-2025','en',4,'background',58,'A regional inspection comes after the inspections of the region''s PDUs and draws on them. Our
fieldwork in {name} began on {fieldwork} and moved from one PDU to the next until late September.
Together the PDU inspections looked at {cases} cases, {sentence_type=community:cases} of them community orders and {sentence_type=licence:cases} people on
licence after prison.

The regional ratings for desistance, public protection and resettlement pool those cases[^pooling].
Leadership, staffing, work with courts, unpaid work and work with victims were judged by
inspectors from interviews, documents and meetings with regional leaders, staff and partners.

{name} is one of the probation regions of England and Wales, and the only one that works within
a devolved government. Much of what supports people on probation, from housing to health care,
is therefore organised by Welsh public bodies, and regional leaders spend a good part of their
time keeping those partnerships in working order.');
INSERT INTO "narrative" VALUES('wales-2025','en',5,'pdus',73,'The PDUs differ more in their leadership and staffing than in the quality of their case work.
On every panel below, the questions about keeping other people safe sit lowest, and in most PDUs
they fall in the same band as the region''s pooled figure. Differences between PDUs on a single
question are often a handful of cases, so the pooled figures are the firmer guide.');
INSERT INTO "narrative" VALUES('wales-2025','en',6,'R1.1 strengths',79,'- Regional and local leaders share a clear direction, and staff at every grade could describe it.
- Leaders introduced the human factors approach with care, and it has improved how teams support
  each other and talk about practice.
- Partnerships with Welsh public bodies are well tended at a strategic level.');
INSERT INTO "narrative" VALUES('wales-2025','en',7,'R1.1 improvements',85,'- Leaders'' initiatives have not yet improved the quality of work to keep other people safe.
- Agreements with the police and children''s services have not produced a reliable flow of
  information to practitioners.');
INSERT INTO "narrative" VALUES('wales-2025','en',8,'R1.2 strengths',90,'- Recruitment has improved, and new staff are well supported through their first year.');
INSERT INTO "narrative" VALUES('wales-2025','en',9,'R1.2 improvements',93,'- Several PDUs remain short of experienced probation officers, which leaves complex cases with
  less experienced staff.
- The oversight managers give to cases varies too much from one PDU to another.');
INSERT INTO "narrative" VALUES('wales-2025','en',10,'R2.1 findings',98,'- Over all pooled cases, {R2.1.1:percent}% of assessments and {R2.1.2:percent}% of plans focused
  well enough on desistance.
- Delivery was the weakest stage: {R2.1.3:yes} of {R2.1.3:relevant} cases ({R2.1.3:percent}%)
  received the services they needed to move away from offending, which sets the rating.
- Reviewing supported desistance in {R2.1.4:percent}% of the {R2.1.4:relevant} cases that had
  reached a review.');
INSERT INTO "narrative" VALUES('wales-2025','en',11,'R2.2 findings',106,'- Keeping other people safe was weaker than desistance at every stage of case work.
- Only {R2.2.1:percent}% of assessments and {R2.2.2:percent}% of plans focused enough on the
  safety of others, often because information from the police or children''s services was
  missing or was not used.
- Reviews were the weakest point: {R2.2.4:yes} of {R2.2.4:relevant} ({R2.2.4:percent}%) took
  enough account of changes in risk of harm.
- Work was no stronger where it mattered most: in high and very high risk of harm cases the
  assessment of risk was sufficient in {rosh=high+very high:R2.2.1:percent}% of cases.');
INSERT INTO "narrative" VALUES('wales-2025','en',12,'R2.3 findings',116,'- Over the {sentence_type=licence:cases} releases on licence, planning to keep others safe was
  sufficient in {R2.3.6:yes} of {R2.3.6:relevant} cases ({R2.3.6:percent}%), the lowest of its
  pooled questions.
- Desistance work for people leaving custody lagged behind the same work for community orders:
  delivery was sufficient in {R2.3.3:percent}% of licence cases against {R2.1.3:percent}% of all
  cases.');
INSERT INTO "narrative" VALUES('wales-2025','en',13,'further-information',124,'The PDU inspections behind this report were published separately, each with its own data annexe.
The region''s own data annexe holds every figure of this report, including a sheet that compares
the PDUs question by question.');
INSERT INTO "narrative" VALUES('wales-2025','en',14,'footnote pooling',129,'Each case counts once, in the PDU whose inspection sampled it. A pooled percentage is the Yes
answers of all PDUs over their relevant cases, not an average of the PDUs'' percentages, so a
larger PDU weighs more.');
INSERT INTO "narrative" VALUES('wales-2025','cy',0,'name',8,'Cymru');
INSERT INTO "narrative" VALUES('wales-2025','cy',1,'region',11,'Cymru');
INSERT INTO "narrative" VALUES('wales-2025','cy',2,'inspectorate',14,'Arolygiaeth Prawf EF');
INSERT INTO "narrative" VALUES('wales-2025','cy',3,'foreword',17,'Mae’r Gwasanaeth Prawf yn rhanbarth {name} yn cael ei arwain yn dda. Mae arweinwyr y rhanbarth a
phenaethiaid ei unedau cyflawni yn tynnu i’r un cyfeiriad, ac maent wedi bod yn barod i roi
cynnig ar ffyrdd newydd o weithio yn hytrach nag aros am gyfarwyddyd. Gradd gyffredinol y
rhanbarth yw ‘{overall}’, gyda sgôr o {score} allan o {max-score}.

Yr enghraifft amlycaf o’r parodrwydd hwnnw yw’r dull ffactorau dynol a fabwysiadwyd gan y
rhanbarth. Mae’n gofyn i reolwyr greu diwylliant lle mae staff yn dysgu o’r hyn sy’n mynd o’i le
yn hytrach na’i ofni. Yn rhanbarth {name} mae wedi dod â sgyrsiau byr bob bore i dimau, ac awr reolaidd
pan fydd uwch swyddogion prawf ar gael i drafod unrhyw achos. Dywedodd staff wrthym eu bod yn
gwerthfawrogi’r ddau.

Nid yw’r gwaith sydd bwysicaf i’r cyhoedd wedi dal i fyny â’r uchelgais honno eto. Ar draws
achosion cyfun yr holl unedau, cadw pobl eraill yn ddiogel oedd y rhan wannaf o bob cam o’r gwaith
achos, a gradd diogelu’r cyhoedd yw ‘{R2.2:rating}’. Yn rhy aml roedd ymarferwyr yn asesu ac yn
cynllunio heb yr hyn yr oedd yr heddlu a’r gwasanaethau plant yn ei wybod, ac nid oeddent bob amser
yn mynd yn ôl at yr asiantaethau hynny pan newidiai amgylchiadau unigolyn.

Mae arweinwyr yn gwybod hyn. Maent wedi buddsoddi mewn hyfforddiant, mewn archwiliadau achosion ac
mewn llwybrau gwell i wybodaeth rhwng asiantaethau, ond bach yw’r effaith ar achosion unigol hyd
yma. Y prawf ar fentrau newydd y rhanbarth bellach yw a ydynt yn gwneud gwaith risg o niwed yn
fwy diogel, fesul achos.

Mae sylfaen gadarn i adeiladu arni. Mae’r gwaith i ennyn ymgysylltiad pobl ar brawf ac i’w helpu i
ymatal rhag troseddu yn gadarn yn y rhan fwyaf o achosion, a gradd ymatal rhag troseddu yw
‘{R2.1:rating}’. Nod argymhellion yr adroddiad hwn yw cario’r cryfder hwnnw i’r gwaith sy’n
diogelu eraill.');
INSERT INTO "narrative" VALUES('wales-2025','cy',4,'signature',45,'**Prif Arolygydd Prawf EF**');
INSERT INTO "narrative" VALUES('wales-2025','cy',5,'recommendations-intro',48,'Mae’r argymhellion hyn wedi’u cyfeirio at arweinyddiaeth ranbarthol y Gwasanaeth Prawf yn rhanbarth
{name}. Mae angen i’r heddlu, awdurdodau lleol a phartneriaid eraill weithredu hefyd ar y rhan
fwyaf ohonynt.');
INSERT INTO "narrative" VALUES('wales-2025','cy',6,'recommendations',53,'1. cytuno gyda heddluoedd ac awdurdodau lleol {name} sut y bydd gwybodaeth am gam-drin domestig
   ac am ddiogelu plant yn cyrraedd ymarferwyr cyn pob asesiad ac adolygiad
2. sicrhau bod ymarferwyr yn gofyn am yr hyn y mae asiantaethau partner yn ei wybod, yn ei gofnodi
   ac yn gweithredu arno wrth asesu risg a chynllunio’r gwaith i gadw pobl eraill yn ddiogel
3. gwella cyswllt ymarferwyr ag asiantaethau partner, fel bod gwasanaethau adsefydlu ar gael pan
   fydd eu hangen ar bobl ar brawf
4. barnu’r model ffactorau dynol a mentrau newydd eraill y rhanbarth yn ôl y gwahaniaeth a wnânt i
   ansawdd gwaith risg o niwed mewn achosion, a’u haddasu yn unol â hynny
5. cryfhau a chofnodi goruchwyliaeth reoli ar waith risg o niwed, a mynd ar drywydd pob bwlch y mae
   archwiliadau achosion yn ei ganfod gyda’r ymarferydd dan sylw
6. rhoi’r hyfforddiant a’r amser i ymarferwyr adolygu risg o niwed pryd bynnag y bydd amgylchiadau’n
   newid, gyda’r unigolyn ar brawf a’r bobl o’i gwmpas.');
INSERT INTO "narrative" VALUES('wales-2025','cy',7,'background',67,'Daw arolygiad rhanbarthol ar ôl arolygiadau unedau’r rhanbarth, ac mae’n tynnu arnynt. Dechreuodd
ein gwaith maes yn rhanbarth {name} ar {fieldwork} a symudodd o un uned i’r nesaf tan ddiwedd mis Medi.
Gyda’i gilydd edrychodd arolygiadau’r unedau ar {cases} o achosion: {sentence_type=community:cases}
o orchmynion cymunedol a {sentence_type=licence:cases} o achosion o ryddhau ar drwydded o’r ddalfa.

Mae’r graddau rhanbarthol ar gyfer ymatal rhag troseddu, diogelu’r cyhoedd ac ailsefydlu yn cyfuno’r
achosion hynny[^pooling]. Barnwyd arweinyddiaeth, staffio, gwaith gyda’r llysoedd, gwaith di-dâl a
gwaith gyda dioddefwyr gan arolygwyr ar sail cyfweliadau, dogfennau a chyfarfodydd ag arweinwyr
rhanbarthol, staff a phartneriaid.

Mae {name} yn un o ranbarthau prawf Cymru a Lloegr, a’r unig un sy’n gweithio o fewn llywodraeth
ddatganoledig. Cyrff cyhoeddus Cymreig sy’n trefnu llawer o’r hyn sy’n cefnogi pobl ar brawf, o
dai i ofal iechyd, ac mae arweinwyr rhanbarthol yn treulio cryn amser yn cynnal y partneriaethau
hynny.');
INSERT INTO "narrative" VALUES('wales-2025','cy',8,'pdus',83,'Mae’r unedau’n amrywio mwy yn eu harweinyddiaeth a’u staffio nag yn ansawdd eu gwaith achos. Ar bob
panel isod, y cwestiynau am gadw pobl eraill yn ddiogel sydd isaf, ac yn y rhan fwyaf o unedau maent
yn yr un band â ffigur cyfun y rhanbarth. Llond llaw o achosion yn aml yw’r gwahaniaeth rhwng unedau
ar un cwestiwn, felly’r ffigurau cyfun yw’r canllaw cadarnaf.');
INSERT INTO "narrative" VALUES('wales-2025','cy',9,'R1.1 strengths',89,'- Mae arweinwyr rhanbarthol a lleol yn rhannu cyfeiriad clir, a gallai staff ar bob gradd ei ddisgrifio.
- Cyflwynodd arweinwyr y dull ffactorau dynol yn ofalus, ac mae wedi gwella’r ffordd y mae timau’n
  cefnogi ei gilydd ac yn trafod ymarfer.
- Mae partneriaethau â chyrff cyhoeddus Cymreig yn cael gofal da ar lefel strategol.');
INSERT INTO "narrative" VALUES('wales-2025','cy',10,'R1.1 improvements',95,'- Nid yw mentrau’r arweinwyr wedi gwella ansawdd y gwaith i gadw pobl eraill yn ddiogel eto.
- Nid yw cytundebau â’r heddlu a’r gwasanaethau plant wedi creu llif dibynadwy o wybodaeth i
  ymarferwyr.');
INSERT INTO "narrative" VALUES('wales-2025','cy',11,'R1.2 strengths',100,'- Mae recriwtio wedi gwella, ac mae staff newydd yn cael cefnogaeth dda drwy eu blwyddyn gyntaf.');
INSERT INTO "narrative" VALUES('wales-2025','cy',12,'R1.2 improvements',103,'- Mae sawl uned yn dal yn brin o swyddogion prawf profiadol, sy’n gadael achosion cymhleth gyda
  staff llai profiadol.
- Mae’r oruchwyliaeth y mae rheolwyr yn ei rhoi i achosion yn amrywio gormod o un uned i’r llall.');
INSERT INTO "narrative" VALUES('wales-2025','cy',13,'R2.1 findings',108,'- Dros yr holl achosion cyfun, roedd {R2.1.1:percent}% o asesiadau a {R2.1.2:percent}% o gynlluniau’n
  canolbwyntio digon ar ymatal rhag troseddu.
- Cyflawni oedd y cam gwannaf: cafodd {R2.1.3:yes} o’r {R2.1.3:relevant} achos ({R2.1.3:percent}%) y
  gwasanaethau yr oedd eu hangen arnynt i gefnu ar droseddu, a hynny sy’n pennu’r radd.
- Roedd yr adolygu’n cefnogi ymatal rhag troseddu mewn {R2.1.4:percent}% o’r {R2.1.4:relevant} achos a
  oedd wedi cyrraedd adolygiad.');
INSERT INTO "narrative" VALUES('wales-2025','cy',14,'R2.2 findings',116,'- Roedd cadw pobl eraill yn ddiogel yn wannach nag ymatal rhag troseddu ar bob cam o’r gwaith achos.
- Dim ond {R2.2.1:percent}% o asesiadau a {R2.2.2:percent}% o gynlluniau a oedd yn canolbwyntio digon
  ar ddiogelwch eraill, yn aml am fod gwybodaeth gan yr heddlu neu’r gwasanaethau plant ar goll neu
  heb ei defnyddio.
- Adolygiadau oedd y man gwannaf: roedd {R2.2.4:yes} o’r {R2.2.4:relevant} ({R2.2.4:percent}%) yn rhoi
  digon o sylw i newidiadau mewn risg o niwed.
- Nid oedd y gwaith yn gryfach lle’r oedd bwysicaf: mewn achosion risg uchel ac uchel iawn o niwed,
  roedd yr asesiad o risg yn ddigonol mewn {rosh=high+very high:R2.2.1:percent}% o achosion.');
INSERT INTO "narrative" VALUES('wales-2025','cy',15,'R2.3 findings',126,'- Dros y {sentence_type=licence:cases} achos o ryddhau ar drwydded, roedd y cynllunio i gadw eraill yn
  ddiogel yn ddigonol mewn {R2.3.6:yes} o’r {R2.3.6:relevant} achos ({R2.3.6:percent}%), yr isaf o’i
  gwestiynau cyfun.
- Roedd y gwaith ymatal rhag troseddu i bobl sy’n gadael y ddalfa ar ei hôl hi o’i gymharu â’r un gwaith
  ar gyfer gorchmynion cymunedol: roedd y cyflawni’n ddigonol mewn {R2.3.3:percent}% o achosion trwydded
  o’i gymharu â {R2.1.3:percent}% o’r holl achosion.');
INSERT INTO "narrative" VALUES('wales-2025','cy',16,'further-information',134,'Cyhoeddwyd arolygiadau’r unedau sydd y tu ôl i’r adroddiad hwn ar wahân, pob un gyda’i atodiad data ei
hun. Mae atodiad data’r rhanbarth yn cynnwys pob ffigur yn yr adroddiad hwn, gan gynnwys dalen sy’n
cymharu’r unedau fesul cwestiwn.');
INSERT INTO "narrative" VALUES('wales-2025','cy',17,'footnote pooling',139,'Mae pob achos yn cyfrif unwaith, yn yr uned y samplwyd ef gan ei harolygiad. Canran gyfun yw atebion Ie
yr holl unedau dros eu hachosion perthnasol, nid cyfartaledd canrannau’r unedau, felly mae uned fwy yn
pwyso mwy.');
INSERT INTO "narrative" VALUES('wales-2025','cy',18,'R1.1 rationale',144,'Mae arweinwyr rhanbarthol a lleol yn rhannu un cyfeiriad, maent wedi hyrwyddo’r dull ffactorau dynol o
oruchwylio ac maent yn agored ynghylch pa mor bell y mae’r gwaith i gadw pobl yn ddiogel yn dal yn brin.');
INSERT INTO "narrative" VALUES('wales-2025','cy',19,'R1.2 rationale',148,'Mae recriwtio wedi cynyddu, ond mae swyddogion profiadol yn dal yn brin mewn sawl uned ac mae
goruchwyliaeth reoli o achosion yn anghyson o un uned i’r llall.');
INSERT INTO "narrative" VALUES('wales-2025','cy',20,'R2.4 rationale',152,'Caiff adroddiadau i’r llys eu paratoi mewn pryd, ond mae rhy ychydig ohonynt wedi’u llywio gan wiriadau
cam-drin domestig a diogelu plant cyn i’r ddedfryd gael ei rhoi.');
INSERT INTO "narrative" VALUES('wales-2025','cy',21,'R2.5 rationale',156,'Mae lleoliadau ar gael ar draws y rhanbarth, ond caiff oriau eu cwblhau’n araf ac nid yw gwybodaeth am
risg yn cyrraedd goruchwylwyr gwaith di-dâl yn ddibynadwy.');
INSERT INTO "narrative" VALUES('wales-2025','cy',22,'R2.6 rationale',160,'Cysylltir â dioddefwyr yn brydlon a chânt eu cadw’n wybodus, ond nid yw staff cyswllt dioddefwyr ac
ymarferwyr prawf yn rhannu gwybodaeth â’i gilydd yn gyson.');
COMMIT;
PRAGMA user_version = 3;
