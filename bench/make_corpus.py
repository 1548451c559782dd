#!/usr/bin/env python3
"""A seeded synthetic corpus of Indonesian government news, for benchmarks.

    python bench/make_corpus.py --articles 100000 --out /tmp/corpus --seed 1 [--format jsonl|txt]

``jsonl`` (the default) writes DIR/corpus-000.jsonl, corpus-001.jsonl ... with at most
10,000 articles a file, one JSON object a line: id, title, published, publisher, url, text.
``txt`` writes one file per article (DIR/000000.txt ...): the title, a blank line, the body.

Each article has 1,500-3,500 characters of body in 3-7 paragraphs of 8-20 sentences: an
event (a Rakor, Sosialisasi, Bimtek ... on a topic) held somewhere on some date by some
body, officials with their offices, direct quotes and reported speech, attendees, cited laws,
filler about the topic, and now and then page furniture ("Baca Juga: ...", "ADVERTISEMENT").
Every region, central agency, regional unit, office title, legal instrument, event noun and
reporting verb is read at start-up from the gazetteers in kg/data (regions.csv,
agencies.csv, units.csv, offices.csv, laws.yaml, vocab.yaml, calendar.yaml). The people are
invented: a given name and a family name from the short lists below, no real official.

The output depends on (N, seed) only. Article i draws from its own random.Random seeded
with the string "<seed>:<i>" (never the global generator, never hash(), id() or set order),
so the same N and seed give byte-identical files, whatever --jobs is, and a larger corpus
starts with the smaller one. Articles are written as they are made, batches of them by
--jobs worker processes with a bounded window in flight: memory stays flat at any N.
Prints one line at the end: articles, files, bytes, seconds.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import random
import sys
import time
from datetime import date
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "kg" / "data"
PER_FILE = 10_000
MIN_CHARS, MAX_CHARS = 1500, 3500
MIN_SENT, MAX_SENT = 8, 20
FIRST_DAY, LAST_DAY = date(2019, 1, 1), date(2024, 12, 31)

# --------------------------------------------------------------------------- invented words

GIVEN = ("Andi Budi Citra Dewi Eko Fajar Gita Hendra Indra Joko Kartika Lestari Made Nanda Oki "
         "Putri Rahmat Sari Taufik Umar Vina Wahyu Yusuf Zainal Agus Bayu Dian Erwin Fitri Hadi "
         "Irfan Juwita Krisna Lukman Mulyadi Nurul Oktavia Prasetyo Rina Slamet Teguh Utami Wulan "
         "Yoga Arif Bambang Dedi Endang Ferry Galih Hasan Iwan Komang Larasati Maya Novi Ratna Suryo "
         "Yanti Rizky").split()
FAMILY = ("Wiratama Saputra Nugroho Hidayat Setiawan Pratama Kusuma Wijaya Santoso Siregar Nasution "
          "Harahap Simanjuntak Kurniawan Rahman Syahputra Permana Gunawan Hakim Maulana Firmansyah "
          "Ramadhan Utomo Susanto Hartono Irawan Sembiring Tarigan Ginting Manurung Sinaga Panjaitan "
          "Daulay Wardhana Adinata Suganda Mahendra Pranoto Sasmita Wicaksono Anggara Baskoro Cahyono "
          "Darmawan Effendi Fauzi Haryanto Jatmiko Kartono Lesmana Mardani Nurdin Rachmadi Sanusi "
          "Tambunan Umbara Wahyudi Yulianto Zulkarnain Pamungkas").split()
PUBLISHERS = ("Warta Praja", "Kabar Nusantara", "Suara Daerah", "Lintas Birokrasi", "Gerbang Informasi",
              "Berita Pamong", "Jurnal Wilayah", "Mimbar Publik", "Kronik Pemerintahan", "Serambi Kabar",
              "Portal Negeri", "Cakrawala Daerah", "Nusa Warta", "Pelita Publik", "Detak Daerah")
HOTELS = ("Griya Asri", "Nusa Indah", "Bumi Kencana", "Puri Mandala", "Sahabat Raya", "Cendana Permai",
          "Tirta Sari", "Mutiara Biru", "Permata Hijau", "Sinar Harapan", "Kartika Sari", "Bukit Damai")
HONORIFICS = ("H.", "Dr.", "Drs.", "Ir.")              # kept only if vocab.yaml lists them
DEGREES = ("S.H.", "M.H.", "M.Si", "S.Sos", "M.M.", "S.STP", "M.AP", "S.IP", "M.Pd", "S.E.", "M.Kes",
           "S.Kom", "S.T.", "M.T.")                      # idem
ACTING = ("Pj", "Plt", "Penjabat")                       # idem (acting_prefixes)
SAY_VERBS = ("mengatakan", "menyampaikan", "menjelaskan", "menegaskan", "menekankan", "mengungkapkan",
             "menuturkan", "menerangkan", "menambahkan", "menyatakan")          # idem (speech_verbs)
ATTR_VERBS = ("kata", "ujar", "ungkap", "jelas", "tegas", "tambah", "terang", "tutur", "ucap", "imbuh",
              "papar", "sebut", "lanjut")                                       # idem (attribution_verbs)
ATTR_NYA = ("katanya", "ujarnya", "jelasnya", "tegasnya", "tambahnya", "tuturnya", "imbuhnya", "ungkapnya")
ORG_VERBS = ("menggelar", "mengadakan", "melaksanakan", "menyelenggarakan")  # idem (organizing_verbs)
# event kinds of vocab.yaml's event_nouns used with a topic, and whether the short form reads
# well before a topic ("Rakor Netralitas ASN")
EVENT_KINDS = ("Rapat Koordinasi", "Rapat Kerja", "Sosialisasi", "Workshop", "Seminar", "Bimbingan Teknis",
               "Pelatihan", "Apel", "FGD", "Deklarasi", "Konsultasi Publik")
EVENT_SKIP_FORMS = {"Rakornas", "Rakortek", "Rakernas", "Latihan", "Training", "Orientasi", "Apel Pagi",
                    "Apel Gelar Pasukan", "Dialog", "Diskusi", "Talkshow", "Sarasehan", "Diskusi Panel",
                    "Rapat Koordinasi Nasional", "Pendidikan dan Pelatihan", "Lokakarya", "RDPU",
                    "Rapat Dengar Pendapat Umum", "Diskusi Terpumpun"}

# How an office is written with a body of each kind when the gazetteer names no head title.
REGIONAL_TITLES = {"office": ("Kepala", "Kepala", "Sekretaris"), "agency": ("Kepala", "Kepala", "Sekretaris"),
                   "section": ("Kepala",), "bureau": ("Kepala",), "legislature": ("Ketua", "Wakil Ketua", "Anggota"),
                   "election-body": ("Ketua", "Ketua", "Anggota"), "court": ("Ketua",), "regional-office": ("Kepala",),
                   "association": ("Ketua",), "other": ("Ketua",), "inspectorate": ("Sekretaris",)}
NATIONAL_TITLES = {"ministry": ("Sekretaris Jenderal", "Inspektur Jenderal"),
                   "coordinating-ministry": ("Sekretaris",), "agency": ("Kepala", "Kepala", "Sekretaris Utama", "Wakil Kepala"),
                   "commission": ("Ketua", "Ketua", "Anggota", "Wakil Ketua"), "state-body": ("Ketua", "Anggota"),
                   "judiciary": ("Ketua", "Wakil Ketua"), "legislature": ("Ketua", "Wakil Ketua", "Anggota"),
                   "other": ("Kepala",), "association": ("Ketua",), "central-bank": ("Wakil Kepala",),
                   "police": ("Wakil Kepala",), "military": ()}
# unit forms whose names need a number, a proper name or a special region (Kanwil X, Kodim 0103/...)
UNIT_SKIP = {"pemda", "kanwil", "kanreg-bkn", "kodam", "korem", "kodim", "rsud", "kip-aceh", "bnn-daerah",
             "lapas", "rutan", "kppn", "kpp", "pengadilan-agama"}
ALWAYS_HEAD_KINDS = {"state-body", "police", "military", "central-bank", "judiciary", "other", "enforcement"}
BARE_REGION_KINDS = {"police", "prosecutor", "court", "military"}   # "Polres Sleman", not "Polres Kabupaten Sleman"
ORGANIZER_WEIGHTS = {"government": 5, "election-body": 5, "office": 2, "agency": 2, "secretariat": 1,
                     "legislature": 1, "enforcement": 1, "inspectorate": 1, "police": 1, "regional-office": 1,
                     "prosecutor": 0.5, "forum": 0.5, "section": 0.5, "bureau": 0.5}
NATIONAL_WEIGHTS = {"ministry": 3, "commission": 4, "agency": 2, "coordinating-ministry": 1,
                    "directorate-general": 1, "state-body": 1, "legislature": 0.5, "other": 0.5}
REGIONAL_LAWS = {"perda": None, "pergub": "province", "perbup": "regency", "perwal": "city"}
LAW_SKIP = {"uud", "putusan-mk", "permk"}
# unit / agency kinds that usually organize events on a topic group
GROUP_REGIONAL = {"pemilu": ("election-body", "government"), "asn": ("agency", "government", "inspectorate"),
                  "tata": ("government", "office", "agency", "inspectorate"), "sosial": ("office", "agency", "government")}
GROUP_NATIONAL = {"pemilu": ("commission",), "asn": ("ministry", "commission", "agency"),
                  "tata": ("ministry", "commission", "state-body"), "sosial": ("ministry", "agency")}
EVENT_GROUPS = {"Apel": ("pemilu", "sosial"), "Deklarasi": ("pemilu",)}   # other kinds fit every topic

# --------------------------------------------------------------------------- content pools
# Topic groups: topics (title form, running-text form), and what officials say about them.
# {py} Pemilu year, {ky} Pilkada year, {ny} next year, {region} a region name, {regionf}
# its formal name, {election} "Pemilu 2024", {pilkada} "Pilkada Serentak 2024".

GROUPS = {
    "pemilu": {
        "topics": [("Netralitas ASN", "netralitas ASN"),
                   ("Netralitas Aparatur Sipil Negara pada Pemilu {py}", "netralitas aparatur sipil negara pada Pemilu {py}"),
                   ("Pengawasan Partisipatif Pemilu {py}", "pengawasan partisipatif Pemilu {py}"),
                   ("Pencegahan Politik Uang", "pencegahan politik uang"),
                   ("Pemutakhiran Data Pemilih", "pemutakhiran data pemilih"),
                   ("Tahapan Pilkada Serentak {ky}", "tahapan Pilkada Serentak {ky}"),
                   ("Pencegahan Pelanggaran Kampanye", "pencegahan pelanggaran kampanye"),
                   ("Netralitas ASN, TNI, dan Polri", "netralitas ASN, TNI, dan Polri")],
        "quotes": ["ASN harus berdiri di atas semua golongan dan tidak boleh berpihak kepada peserta pemilu mana pun",
                   "Kami tidak akan ragu menindak setiap pelanggaran netralitas yang dilaporkan masyarakat",
                   "Media sosial menjadi ruang yang paling rawan, jadi berhati-hatilah sebelum menyukai atau membagikan unggahan peserta pemilu",
                   "Pengawasan tidak bisa hanya dibebankan kepada penyelenggara, masyarakat harus ikut mengawasi",
                   "Jangan sampai ada ASN di {region} yang terseret politik praktis menjelang {election}",
                   "Politik uang adalah musuh bersama yang merusak kualitas demokrasi kita",
                   "Data pemilih yang akurat adalah kunci pemilu yang jujur dan adil",
                   "Kami ingin {pilkada} di {regionf} berjalan aman, damai, dan bermartabat",
                   "Setiap laporan akan kami tindak lanjuti sesuai prosedur yang berlaku",
                   "Netralitas bukan berarti ASN kehilangan hak pilih, tetapi hak itu digunakan di bilik suara"],
        "clauses": ["aparatur sipil negara wajib menjaga netralitas pada setiap tahapan {election}",
                    "pelanggaran netralitas dapat dikenai sanksi disiplin mulai dari teguran hingga pemberhentian",
                    "pihaknya telah membentuk posko pengaduan untuk menampung laporan masyarakat",
                    "jumlah laporan dugaan pelanggaran netralitas cenderung meningkat menjelang masa kampanye",
                    "pengawasan partisipatif perlu diperluas hingga ke tingkat desa dan kelurahan",
                    "ASN dilarang menghadiri kegiatan kampanye maupun memasang atribut partai politik",
                    "koordinasi antarlembaga penting agar penanganan pelanggaran tidak tumpang tindih",
                    "pemutakhiran data pemilih dilakukan secara berjenjang dari tingkat PPS hingga kabupaten/kota",
                    "sentra penegakan hukum terpadu siap menangani dugaan tindak pidana pemilu",
                    "seluruh jajaran diminta memetakan potensi kerawanan di wilayah masing-masing"],
        "fillers": ["Menjelang {election}, isu netralitas aparatur kembali menjadi perhatian berbagai pihak, terutama karena ASN memiliki akses terhadap anggaran dan fasilitas negara.",
                    "Berdasarkan indeks kerawanan pemilu yang dirilis penyelenggara, sejumlah daerah masih masuk kategori rawan sedang hingga tinggi untuk isu netralitas dan politik uang.",
                    "Saat ini tahapan pemilu memasuki masa pencocokan dan penelitian data pemilih, yang dilakukan petugas dengan mendatangi rumah warga satu per satu.",
                    "Masyarakat dapat melaporkan dugaan pelanggaran melalui posko pengaduan di kantor pengawas pemilu maupun kanal daring yang tersedia selama 24 jam.",
                    "Dalam sesi berikutnya, peserta mendapat materi tentang bentuk-bentuk pelanggaran netralitas di media sosial, mulai dari memberi tanda suka hingga membagikan unggahan kampanye.",
                    "Sebelumnya, sejumlah ASN di beberapa daerah dijatuhi sanksi disiplin karena terbukti mengunggah dukungan kepada salah satu peserta pemilu di akun media sosial pribadinya.",
                    "Usai pemaparan materi, para peserta membacakan ikrar bersama untuk menjaga netralitas selama seluruh tahapan pemilu berlangsung, yang kemudian ditandatangani di atas spanduk."],
        "targets": ["seluruh ASN di lingkungan {regionf}", "masyarakat", "para kepala desa", "pengawas pemilu di tingkat kecamatan",
                    "generasi muda dan pemilih pemula", "seluruh jajaran"],
        "actions": ["menjaga netralitas dan tidak terlibat politik praktis", "berani melaporkan praktik politik uang",
                    "menggunakan hak pilih secara cerdas", "ikut mengawasi setiap tahapan pemilu",
                    "tidak menyebarkan berita bohong dan ujaran kebencian", "mengecek kembali namanya dalam daftar pemilih"],
        "purposes": ["menyukseskan {election}", "mewujudkan pemilu yang jujur dan adil", "mencegah pelanggaran netralitas ASN",
                     "menyongsong {pilkada}"],
    },
    "asn": {
        "topics": [("Manajemen ASN", "manajemen ASN"), ("Penegakan Disiplin Pegawai Negeri Sipil", "penegakan disiplin pegawai negeri sipil"),
                   ("Penerapan Sistem Merit", "penerapan sistem merit"), ("Seleksi CPNS dan PPPK", "seleksi CPNS dan PPPK"),
                   ("Pengembangan Kompetensi ASN", "pengembangan kompetensi ASN"), ("Penilaian Kinerja Pegawai", "penilaian kinerja pegawai"),
                   ("Reformasi Birokrasi", "reformasi birokrasi"), ("Penataan Tenaga Non-ASN", "penataan tenaga non-ASN")],
        "quotes": ["Disiplin adalah fondasi pelayanan, tanpa disiplin tidak ada kinerja yang baik",
                   "Kami ingin setiap jabatan diisi oleh orang yang tepat melalui proses yang terbuka",
                   "ASN hari ini dituntut adaptif, kompeten, dan melek digital",
                   "Penataan tenaga non-ASN harus tuntas tanpa mengganggu pelayanan kepada masyarakat",
                   "Seleksi dilakukan secara transparan dan tidak ada titipan dalam bentuk apa pun",
                   "Kinerja pegawai akan dinilai secara objektif berdasarkan target yang terukur",
                   "Reformasi birokrasi bukan slogan, tetapi perubahan cara kerja sehari-hari",
                   "Kami terus mendorong pegawai untuk mengikuti pelatihan sesuai kebutuhan organisasi"],
        "clauses": ["penerapan sistem merit menjadi syarat penting dalam pengisian jabatan pimpinan tinggi",
                    "formasi CPNS dan PPPK tahun ini disesuaikan dengan kebutuhan riil di setiap perangkat daerah",
                    "pelanggaran disiplin diproses sesuai tingkatannya, mulai dari ringan hingga berat",
                    "pengembangan kompetensi ASN diarahkan minimal 20 jam pelajaran per tahun",
                    "data kepegawaian harus terus diperbarui melalui sistem informasi yang terintegrasi",
                    "penilaian kinerja kini dilakukan secara elektronik sehingga lebih mudah dipantau",
                    "tenaga honorer yang telah terdata akan diprioritaskan dalam penataan ke depan",
                    "penyederhanaan birokrasi membuat alur kerja menjadi lebih ringkas"],
        "fillers": ["Indeks sistem merit menjadi salah satu ukuran kualitas manajemen ASN di daerah, dan hasil penilaiannya diumumkan secara berkala kepada publik.",
                    "Pemerintah menargetkan penataan tenaga non-ASN rampung sebelum akhir tahun, sesuai dengan amanat peraturan perundang-undangan yang berlaku.",
                    "Sejumlah instansi telah menerapkan presensi elektronik berbasis lokasi untuk memantau kehadiran pegawai secara lebih akurat dan transparan.",
                    "Dalam kegiatan itu, peserta mendapat penjelasan mengenai hak dan kewajiban pegawai, jenis hukuman disiplin, serta tata cara pemeriksaan terhadap pegawai yang diduga melanggar.",
                    "Informasi mengenai formasi, persyaratan, dan jadwal seleksi dapat dipantau melalui laman resmi penerimaan ASN serta akun media sosial instansi terkait.",
                    "Setelah pemaparan materi, kegiatan dilanjutkan dengan sesi tanya jawab yang berlangsung interaktif, terutama mengenai nasib tenaga honorer yang telah lama mengabdi."],
        "targets": ["seluruh pegawai", "para kepala perangkat daerah", "ASN di lingkungan {regionf}", "para pejabat pengelola kepegawaian"],
        "actions": ["meningkatkan disiplin dan kinerja", "memperbarui data kepegawaian secara berkala",
                    "mengikuti pengembangan kompetensi secara aktif", "menjadi teladan dalam pelayanan",
                    "menjauhi praktik jual beli jabatan"],
        "purposes": ["meningkatkan kualitas manajemen ASN", "memperkuat penerapan sistem merit", "menegakkan disiplin pegawai"],
    },
    "tata": {
        "topics": [("Pelayanan Publik", "pelayanan publik"), ("Sistem Pemerintahan Berbasis Elektronik", "sistem pemerintahan berbasis elektronik"),
                   ("Pencegahan Korupsi", "pencegahan korupsi"), ("Keterbukaan Informasi Publik", "keterbukaan informasi publik"),
                   ("Pengelolaan Keuangan Daerah", "pengelolaan keuangan daerah"), ("Pembangunan Zona Integritas", "pembangunan zona integritas"),
                   ("Penyusunan APBD {ny}", "penyusunan APBD {ny}"), ("Pengendalian Inflasi Daerah", "pengendalian inflasi daerah")],
        "quotes": ["Pelayanan publik harus cepat, mudah, dan tanpa pungutan liar",
                   "Setiap rupiah anggaran daerah harus dapat dipertanggungjawabkan kepada masyarakat",
                   "Digitalisasi layanan bukan pilihan lagi, tetapi kebutuhan",
                   "Kami membuka ruang seluas-luasnya bagi masyarakat untuk menyampaikan pengaduan",
                   "Zona integritas harus dibangun dari komitmen pimpinan hingga staf paling bawah",
                   "Harga bahan pokok di {region} harus tetap terkendali menjelang hari besar keagamaan",
                   "Informasi publik adalah hak warga, jadi jangan dipersulit",
                   "Kami ingin opini wajar tanpa pengecualian terus dipertahankan"],
        "clauses": ["indeks pelayanan publik di daerahnya menunjukkan tren perbaikan dalam tiga tahun terakhir",
                    "seluruh perangkat daerah diminta mempercepat integrasi aplikasi layanan",
                    "pengawasan internal diperkuat untuk mencegah penyimpangan anggaran",
                    "realisasi pendapatan asli daerah hingga triwulan ketiga telah melampaui target",
                    "pengaduan masyarakat kini dapat disampaikan melalui kanal daring selama 24 jam",
                    "pemerintah daerah terus memantau harga bahan pokok di pasar tradisional",
                    "unit layanan yang berhasil meraih predikat zona integritas akan mendapat penghargaan",
                    "belanja daerah difokuskan pada sektor pendidikan, kesehatan, dan infrastruktur dasar"],
        "fillers": ["Penilaian kepatuhan terhadap standar pelayanan publik dilakukan setiap tahun terhadap pemerintah daerah, dan hasilnya menjadi bahan evaluasi bagi para kepala daerah.",
                    "Sejumlah layanan perizinan dan administrasi kependudukan kini dapat diakses melalui aplikasi di telepon seluler tanpa harus datang ke kantor pelayanan.",
                    "Tim pengendali inflasi daerah juga menggelar operasi pasar murah di beberapa titik untuk menjaga daya beli masyarakat menjelang hari besar keagamaan.",
                    "Laporan keuangan pemerintah daerah tahun lalu kembali memperoleh opini wajar tanpa pengecualian, capaian yang diraih beberapa tahun berturut-turut.",
                    "Masyarakat dapat memantau penggunaan anggaran daerah melalui portal transparansi yang disediakan, termasuk rincian belanja setiap perangkat daerah.",
                    "Kegiatan diakhiri dengan penandatanganan komitmen bersama oleh para pimpinan perangkat daerah untuk mewujudkan wilayah bebas dari korupsi."],
        "targets": ["seluruh perangkat daerah", "para camat dan lurah", "petugas layanan", "masyarakat {region}"],
        "actions": ["memberikan pelayanan terbaik tanpa diskriminasi", "menolak segala bentuk gratifikasi",
                    "memanfaatkan kanal pengaduan yang tersedia", "mempercepat realisasi anggaran",
                    "menjaga integritas dalam setiap proses pengadaan"],
        "purposes": ["meningkatkan kualitas pelayanan publik", "mewujudkan tata kelola pemerintahan yang bersih",
                     "mempercepat transformasi digital pemerintahan"],
    },
    "sosial": {
        "topics": [("Percepatan Penurunan Stunting", "percepatan penurunan stunting"),
                   ("Penanggulangan Kemiskinan Ekstrem", "penanggulangan kemiskinan ekstrem"),
                   ("Kesiapsiagaan Bencana", "kesiapsiagaan bencana"), ("Ketahanan Pangan", "ketahanan pangan"),
                   ("Pengelolaan Dana Desa", "pengelolaan dana desa"),
                   ("Perlindungan Perempuan dan Anak", "perlindungan perempuan dan anak")],
        "quotes": ["Penurunan stunting membutuhkan kerja bersama, tidak bisa hanya satu dinas",
                   "Kami ingin bantuan benar-benar sampai kepada warga yang berhak",
                   "Kesiapsiagaan harus dibangun sebelum bencana datang, bukan sesudahnya",
                   "Dana desa harus dikelola secara transparan dan melibatkan masyarakat",
                   "Ketersediaan pangan di {region} dalam kondisi aman hingga beberapa bulan ke depan",
                   "Setiap kasus kekerasan terhadap anak harus ditangani dengan cepat dan tuntas"],
        "clauses": ["angka prevalensi stunting di daerahnya turun beberapa poin dibanding tahun sebelumnya",
                    "data penerima bantuan terus dimutakhirkan agar tepat sasaran",
                    "desa tangguh bencana terus diperluas di wilayah rawan",
                    "penggunaan dana desa diarahkan untuk ketahanan pangan dan penanganan kemiskinan",
                    "cadangan pangan pemerintah daerah dalam kondisi mencukupi",
                    "layanan pengaduan kekerasan terhadap perempuan dan anak dibuka setiap hari"],
        "fillers": ["Pemerintah menargetkan prevalensi stunting nasional turun secara signifikan dalam beberapa tahun ke depan melalui intervensi gizi spesifik dan sensitif.",
                    "Sejumlah wilayah di {regionf} tercatat rawan banjir dan tanah longsor saat musim hujan, sehingga kesiapsiagaan warga perlu terus ditingkatkan.",
                    "Pendampingan keluarga berisiko stunting dilakukan oleh tim pendamping keluarga di setiap desa yang terdiri atas bidan, kader, dan penyuluh.",
                    "Kegiatan tersebut juga diisi dengan penyerahan bantuan secara simbolis kepada perwakilan warga penerima manfaat dari sejumlah kecamatan.",
                    "Setelah sesi materi, peserta melakukan simulasi evakuasi di halaman kantor dengan melibatkan petugas pemadam kebakaran dan relawan."],
        "targets": ["para kepala desa", "masyarakat {region}", "seluruh pemangku kepentingan", "kader posyandu"],
        "actions": ["memperkuat kolaborasi lintas sektor", "memastikan bantuan tepat sasaran",
                    "meningkatkan kewaspadaan menghadapi cuaca ekstrem", "melaporkan setiap kasus kekerasan yang diketahui"],
        "purposes": ["mempercepat penurunan stunting", "memperkuat ketahanan pangan daerah", "meningkatkan kesiapsiagaan masyarakat"],
    },
}
GENERIC_QUOTES = ["Kami berharap kegiatan ini memberi manfaat nyata bagi masyarakat",
                  "Sinergi dan kolaborasi menjadi kunci keberhasilan program ini",
                  "Ini adalah komitmen bersama yang harus kita jaga",
                  "Kami siap mendukung penuh langkah-langkah yang sudah disepakati hari ini",
                  "Tidak ada yang bisa bekerja sendiri, semua harus bergerak bersama"]
GENERIC_CLAUSES = ["kegiatan tersebut merupakan agenda rutin yang digelar setiap tahun",
                   "sinergi antarinstansi perlu terus diperkuat hingga tingkat paling bawah",
                   "hasil kegiatan akan dievaluasi dan dilaporkan kepada pimpinan",
                   "pihaknya akan menindaklanjuti seluruh masukan yang disampaikan peserta"]
GENERIC_FILLERS = ["Kegiatan berlangsung lancar dan diikuti peserta dengan antusias hingga selesai, meski sempat diwarnai hujan deras pada siang hari.",
                   "Acara dibuka dengan menyanyikan lagu kebangsaan Indonesia Raya, dilanjutkan dengan pembacaan doa dan laporan ketua panitia.",
                   "Usai pemaparan materi, kegiatan dilanjutkan dengan diskusi kelompok yang membahas permasalahan yang ditemui peserta di lapangan.",
                   "Di akhir acara, seluruh peserta berfoto bersama dan menerima sertifikat keikutsertaan dari panitia penyelenggara.",
                   "Panitia mencatat sebagian besar peserta hadir tepat waktu, sementara sebagian lainnya mengikuti kegiatan secara daring melalui aplikasi konferensi video."]
CLAUSE_TAILS = [", khususnya di wilayah {regionf}", " sehingga membutuhkan dukungan dari seluruh pemangku kepentingan",
                ", sebagaimana terlihat dari hasil evaluasi pada tahun sebelumnya",
                " dan hal itu akan terus dipantau secara berkala oleh tim yang telah dibentuk",
                ", terlebih dengan kondisi geografis {regionf} yang cukup luas",
                " agar tujuan yang telah ditetapkan bersama dapat tercapai secara optimal",
                ", meskipun masih ada sejumlah kendala teknis di lapangan yang harus diselesaikan",
                " seiring meningkatnya harapan masyarakat terhadap kinerja pemerintah"]
QUOTE_TAILS = [", dan itu menjadi tanggung jawab kita bersama", ", apalagi di tengah tuntutan masyarakat yang semakin tinggi",
               ", karena masyarakat menaruh harapan besar kepada kita semua",
               ", dan kami tidak ingin ada satu pun yang tertinggal", ", mulai dari tingkat provinsi hingga desa",
               ", sehingga tidak ada lagi keraguan di tengah masyarakat"]
HOPES = ["seluruh peserta dapat meneruskan materi yang diperoleh kepada rekan kerja di instansi masing-masing",
         "kegiatan serupa dapat digelar secara berkala", "komitmen yang dibangun hari ini tidak berhenti di atas kertas",
         "koordinasi yang sudah terjalin dapat terus ditingkatkan"]
GROUP_WEIGHTS = (("pemilu", 5), ("asn", 3), ("tata", 3), ("sosial", 2))
GROUP_LAWS = {"pemilu": ("Pemilu", "Pilkada", "ASN", "Disiplin PNS"),
              "asn": ("ASN", "Disiplin PNS", "Manajemen PNS", "PPPK"),
              "tata": ("Pelayanan Publik", "Pemda", "KIP", "Keuangan Negara", "Administrasi Pemerintahan", "Tipikor"),
              "sosial": ("Penanggulangan Bencana", "Desa", "Pemda")}
CROWDS = ["para camat se-{regionf}", "perwakilan partai politik", "tokoh masyarakat dan tokoh agama",
          "pimpinan perangkat daerah", "para lurah dan kepala desa", "perwakilan organisasi kemasyarakatan",
          "unsur pemuda dan mahasiswa", "para kepala sekolah"]


# --------------------------------------------------------------------------- gazetteers

def _rows(name: str) -> list[dict[str, str]]:
    with open(DATA / name, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _split(value: str) -> list[str]:
    return [v.strip() for v in (value or "").split("|") if v.strip()]


def _yaml(name: str):
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    with open(DATA / name, encoding="utf-8") as f:
        return yaml.load(f, Loader=loader)


class Region:
    __slots__ = ("code", "name", "kind", "prov")

    def __init__(self, code, name, kind, prov):
        self.code, self.name, self.kind, self.prov = code, name, kind, prov

    @property
    def formal(self) -> str:
        return {"province": "Provinsi", "regency": "Kabupaten", "city": "Kota"}[self.kind] + " " + self.name


class Gazetteer:
    """Everything the generator draws from kg/data, indexed once."""

    def __init__(self):
        vocab = _yaml("vocab.yaml")
        cal = _yaml("calendar.yaml")
        laws = _yaml("laws.yaml")

        def keep(words, listed):
            listed = set(listed)
            out = tuple(w for w in words if w in listed)
            if not out:
                raise SystemExit(f"make_corpus: none of {words} in kg/data")
            return out

        self.honorifics = keep(HONORIFICS, vocab["honorifics"])
        self.degrees = keep(DEGREES, vocab["degrees"])
        self.acting = keep(ACTING, vocab["acting_prefixes"])
        self.say = keep(SAY_VERBS, vocab["speech_verbs"])
        self.attr = keep(ATTR_VERBS, vocab["attribution_verbs"])
        self.attr_nya = keep(ATTR_NYA, vocab["attribution_verbs"])
        self.org_verbs = keep(ORG_VERBS, vocab["organizing_verbs"])
        self.police_ranks = tuple(vocab["police_ranks"])
        self.events = []                                    # (kind, form, acronym or None)
        for kind in EVENT_KINDS:
            forms = [f for f in vocab["event_nouns"].get(kind, []) if f not in EVENT_SKIP_FORMS]
            if not forms:
                continue

            def is_acronym(f):
                return " " not in f and (f.isupper() or (" " in kind and len(f) <= 7))
            acr = kind if kind.isupper() else next((f for f in forms if is_acronym(f)), None)
            longs = [f for f in forms if not is_acronym(f)]
            for i, f in enumerate(longs):
                self.events.append((kind, f, acr if i == 0 else None))
            for f in forms:
                if is_acronym(f):
                    self.events.append((kind, f, None))
        # day and month names: the first spelling of each number in calendar.yaml
        self.days, self.months = {}, {}
        for name, n in cal["weekdays"].items():
            self.days.setdefault(n, name.capitalize())
        for name, n in cal["months"].items():
            self.months.setdefault(n, name.capitalize())

        # regions
        self.regions = [Region(r["code"], r["name"], r["kind"], r["province_code"] or r["code"])
                        for r in _rows("regions.csv")]
        self.by_code = {r.code: r for r in self.regions}
        self.children = {}
        for r in self.regions:
            if r.kind != "province":
                self.children.setdefault(r.prov, []).append(r)
        self.by_kind = {k: [r for r in self.regions if r.kind == k] for k in ("province", "regency", "city")}
        jakarta = [r for r in self.by_kind["province"] if "Jakarta" in r.name]
        self.capital_cities = [c for p in jakarta for c in self.children.get(p.code, []) if c.kind == "city"] \
            or self.by_kind["city"]

        # offices: title -> (forms, kind, head_of, levels, fused)
        self.offices = {}
        self.heads = {}                                     # body key -> [title, ...]
        for r in _rows("offices.csv"):
            title, exp = r["title"], _split(r["expands_to"])
            fused = bool(exp) and exp[0] != title
            head = r["head_of"] or (exp[1] if len(exp) > 1 else "")
            forms = [f for f in _split(r["forms"]) if len(f) > 3 and f != title]
            self.offices[title] = (forms, r["kind"], head, _split(r["levels"]), fused)
            if head and r["kind"] in ("head", "head-of-region", "deputy-head-of-region", "secretary", "minister",
                                      "deputy-head", "head-of-state"):
                self.heads.setdefault(head, []).append(title)
        self.regional_titles = {k: tuple(t for t in v if t in self.offices) for k, v in REGIONAL_TITLES.items()}
        if "Kepala" not in self.offices:
            raise SystemExit("make_corpus: no office 'Kepala' in kg/data/offices.csv")
        self.national_titles = {k: tuple(t for t in v if t in self.offices) for k, v in NATIONAL_TITLES.items()}

        # central bodies
        self.agencies = {}
        for r in _rows("agencies.csv"):
            acr = _split(r["acronyms"])
            self.agencies[r["key"]] = (r["key"], r["name"], acr[0] if acr else None, r["kind"], r["parent"])
        self.national = [a for a in self.agencies.values() if a[3] in NATIONAL_WEIGHTS]
        self.national_w = [NATIONAL_WEIGHTS[a[3]] for a in self.national]

        # regional unit forms
        units = []
        for r in _rows("units.csv"):
            levels = [lv for lv in _split(r["levels"]) if lv in ("province", "regency", "city")]
            if r["key"] in UNIT_SKIP or not levels:
                continue
            acr = _split(r["acronyms"])
            units.append((r["key"], r["name"], acr[0] if acr else None, r["kind"], tuple(levels)))
        self.units = units
        self.unit_by_key = {u[0]: u for u in units}
        self.unit_w = [ORGANIZER_WEIGHTS.get(u[3], 0.3) for u in units]
        # units whose officials can be named ("Ketua Bawaslu ..."; a Forkopimda has no head)
        self.titled = [u for u in units if self.heads.get(u[0]) or self.regional_titles.get(u[3])]
        self.titled_w = [ORGANIZER_WEIGHTS.get(u[3], 0.3) for u in self.titled]
        setda = self.unit_by_key.get("setda")
        self.setda_acr = setda[2] if setda else "Setda"
        self.gov_units = {lv: u for u in units if u[3] == "government" for lv in u[4] if len(u[4]) == 1}
        if len(self.gov_units) != 3:
            raise SystemExit("make_corpus: kg/data/units.csv lacks the province/regency/city governments")

        # legal instruments
        self.instruments = []                               # (key, long, acronym)
        for key, spec in laws["instruments"].items():
            if key in LAW_SKIP or not spec.get("long"):
                continue
            acr = spec.get("acronyms") or []
            self.instruments.append((key, spec["long"][0], acr[0] if acr else None))
        self.instrument = {k: (lng, a) for k, lng, a in self.instruments}
        self.ministry_topics = [m["topic"][0] for m in laws["ministries"].values() if m.get("topic")]
        self.short_laws = {}                                # name -> [(type, number, year, from, until, title)]
        for s in laws["short_names"]:
            ms = [(s["type"], str(m["number"]), int(m["year"]), m.get("from"), m.get("until"), m.get("title"))
                  for m in s["meanings"]]
            for n in s["names"]:
                self.short_laws[n] = ms

        # publication dates
        self.day0 = FIRST_DAY.toordinal()
        self.ndays = LAST_DAY.toordinal() - self.day0 + 1


# --------------------------------------------------------------------------- one article

class Body:
    __slots__ = ("key", "full", "short", "kind", "region", "national", "agency", "seen")

    def __init__(self, key, full, short, kind, region=None, national=False, agency=None):
        self.key, self.full, self.short, self.kind = key, full, short, kind
        self.region, self.national, self.agency = region, national, agency
        self.seen = False                   # mentioned already: later mentions are short


class Person:
    __slots__ = ("name", "short", "hon", "deg", "rank", "body", "title", "office", "seen")

    def __init__(self, name, short):
        self.name, self.short = name, short
        self.hon = self.deg = self.rank = self.title = self.office = ""
        self.body = None
        self.seen = False


class Article:
    """Builds one article; templates are str.format_map strings whose fields this object
    resolves lazily and in reading order, so the first mention of a body or person is the
    long one and later mentions are short."""

    def __init__(self, g: Gazetteer, rng: random.Random, index: int):
        self.g, self.rng, self.index = g, rng, index
        self.firsts = 0
        self.used = {}
        self.last_speaker = None
        self.pronoun = False

    # ---- small helpers
    def pick(self, pool_name: str, pool):
        """An item of pool not yet used in this article (if any is left)."""
        used = self.used.setdefault(pool_name, [])
        rng = self.rng
        for _ in range(6):
            i = rng.randrange(len(pool))
            if i not in used:
                break
        used.append(i)
        return pool[i]

    def fmt(self, template: str) -> str:
        return template.format_map(self)

    def __getitem__(self, key: str) -> str:
        return getattr(self, "f_" + key)()

    # ---- bodies
    def regional_body(self, unit, region: Region) -> Body:
        key, name, acr, kind, levels = unit
        g = self.g
        if region.kind not in levels:                       # move to a level the unit exists at
            if "province" in levels and region.kind != "province":
                region = g.by_code[region.prov]
            else:
                kids = [c for c in g.children.get(region.code, ()) if c.kind in levels] or \
                       [c for c in g.children.get(region.prov, ()) if c.kind in levels]
                region = self.rng.choice(kids) if kids else region
        bare, formal = region.name, region.formal
        if kind in BARE_REGION_KINDS:
            full, short = f"{name} {bare}", f"{acr or name} {bare}"
            first = full if not acr or self.rng.random() < 0.5 else f"{name} ({acr}) {bare}"
        elif name.split()[-1] in ("Provinsi", "Kabupaten", "Kota"):         # Pemerintah Kabupaten + Sleman
            full, short = f"{name} {bare}", f"{acr} {bare}" if acr else f"{name} {bare}"
            first = full if self.rng.random() < 0.6 else f"{name} ({acr}) {bare}"
        elif kind in ("section", "bureau"):
            full, short = f"{name} Sekretariat Daerah {formal}", f"{name} {g.setda_acr} {formal}"
            first = full
        else:
            full = f"{name} {formal}"
            short = f"{acr} {formal if self.rng.random() < 0.7 else bare}" if acr else full
            r = self.rng.random()
            first = f"{name} ({acr}) {formal}" if acr and r < 0.45 else (short if r > 0.85 else full)
        return Body(key, first, short, kind, region)

    def national_body(self, agency) -> Body:
        key, name, acr, kind, parent = agency
        if parent and parent in self.g.agencies:
            p = self.g.agencies[parent]
            pacr = p[2] or p[1]
            full = f"{name} {p[1]}" if name.startswith("Direktorat") else (f"{name} ({acr})" if acr else name)
            short = acr if (acr and pacr in acr) else f"{acr or name} {pacr}"
        else:
            full = f"{name} ({acr})" if acr and self.rng.random() < 0.75 else name
            short = acr or name
        return Body(key, full, short, kind, None, True, agency)

    def random_regional(self, region: Region, weighted=True, kinds=(), titled=False) -> Body:
        g = self.g
        if titled:
            unit = self.rng.choices(g.titled, g.titled_w)[0]
        elif kinds:
            units = [u for u in g.units if u[3] in kinds]
            unit = self.rng.choice(units) if units else self.rng.choice(g.units)
        else:
            unit = self.rng.choices(g.units, g.unit_w)[0] if weighted else self.rng.choice(g.units)
        return self.regional_body(unit, region)

    def mention(self, body: Body) -> str:
        if body.seen:
            return body.short
        body.seen = True
        self.firsts += 1
        return body.full

    # ---- people
    def new_person(self, body: Body) -> Person:
        rng, g = self.rng, self.g
        while True:
            fam = rng.choice(FAMILY)
            if fam not in self.families:
                break
        self.families.append(fam)
        given = rng.choice(GIVEN)
        name = f"{given} {rng.choice(GIVEN)} {fam}" if rng.random() < 0.15 else f"{given} {fam}"
        p = Person(name, fam)
        p.body = body
        if body.kind == "police":
            ranks = g.police_ranks
            p.rank = ranks[rng.randrange(0, 4)] if body.national else ranks[rng.randrange(5, 10)]
        elif rng.random() < 0.15:
            p.hon = rng.choice(g.honorifics)
        if rng.random() < 0.3 and not p.rank:
            s1 = [d for d in g.degrees if d.startswith("S.")]
            s2 = [d for d in g.degrees if d.startswith("M.")]
            p.deg = rng.choice(s1) + (", " + rng.choice(s2) if s2 and rng.random() < 0.5 else "")
        p.title = self.office_title(body)
        return p

    def office_title(self, body: Body) -> str | None:
        """An office title that fits the body (a key into offices), None if none does."""
        rng, g = self.rng, self.g
        heads = g.heads.get(body.key, [])
        if body.national:
            generic = g.national_titles.get(body.kind, ())
            if body.kind == "directorate-general" and body.agency[1].startswith("Direktorat Jenderal"):
                return "Direktur Jenderal"
        else:
            generic = g.regional_titles.get(body.kind, ())
        if heads and (not generic or rng.random() < 0.7 or body.kind in ALWAYS_HEAD_KINDS):
            return rng.choice(heads)
        if generic:
            return rng.choice(generic)
        return "Kepala" if body.national else None

    def office_text(self, p: Person) -> tuple[str, str]:
        """The office as written before a name, mentioning its body ("Kepala Badan Kepegawaian
        Negara (BKN)"), and its short form for headlines ("Kepala BKN")."""
        rng, g, body, title = self.rng, self.g, p.body, p.title
        forms, kind, head, levels, fused = g.offices[title]
        if title == "Direktur Jenderal" and body.national:
            name = body.agency[1].replace("Direktorat Jenderal", "Direktur Jenderal", 1)
            parent = g.agencies.get(body.agency[4])
            pname = (parent[2] or parent[1]) if parent else ""
            body.seen = True
            text = f"{name} {pname}".strip()
            return text, text
        if body.national:
            if fused:
                body.seen = True
                text = title if not forms or rng.random() < 0.7 else forms[0]
                return text, (forms[0] if forms else title)
            return f"{title} {self.mention(body)}", f"{title} {body.short}"
        region = body.region
        if kind in ("head-of-region", "deputy-head-of-region") or (kind == "secretary" and head == "setda"):
            body.seen = True
            word = title if not forms or rng.random() < 0.75 else rng.choice(forms)
            acting = (rng.choice(g.acting) + " ") if kind == "head-of-region" and rng.random() < 0.15 else ""
            where = region.formal if (region.kind != "city" and rng.random() < 0.4) else region.name
            if kind == "secretary" and rng.random() < 0.5:
                where = region.formal
            return f"{acting}{word} {where}", f"{acting}{word} {region.name}"
        if fused:
            body.seen = True
            word = title if not forms or rng.random() < 0.5 else rng.choice(forms)
            where = region.name if body.kind in BARE_REGION_KINDS else region.formal
            return f"{word} {where}", f"{forms[0] if forms else title} {where}"
        return f"{title} {self.mention(body)}", f"{title} {body.short}"

    def person(self, p: Person, subject=False) -> str:
        if p.seen:
            return p.short
        p.seen = True
        self.firsts += 1
        office, p.office = self.office_text(p)
        name = " ".join(x for x in (p.rank or p.hon, p.name) if x)
        if subject and self.rng.random() < 0.4:
            deg = f", {p.deg}" if p.deg else ""
            if self.rng.random() < 0.5:
                return f"{office}, {name}{deg},"
            return f"{name}{deg}, selaku {office},"
        return f"{office} {name}"

    # ---- dates
    def day_text(self, d: date, style: int) -> str:
        g = self.g
        day, month = g.days[d.isoweekday()], g.months[d.month]
        if style == 0:
            return f"{day} ({d.day}/{d.month}/{d.year})"
        if style == 1:
            return f"{day} ({d.day:02d}/{d.month:02d}/{d.year})"
        if style == 2:
            return f"{day}, {d.day} {month} {d.year}"
        if style == 3:
            return f"{day} ({d.day}/{d.month})"
        return f"{d.day} {month} {d.year}"

    # ---- format fields: people
    def speaker(self, p: Person, subject: bool) -> str:
        self.last_speaker = p
        return self.person(p, subject)

    def f_A(self): return self.speaker(self.A, False)
    def f_B(self): return self.speaker(self.B, False)
    def f_C(self): return self.speaker(self.C, False)
    def f_As(self): return self.speaker(self.A, True)
    def f_Bs(self): return self.speaker(self.B, True)
    def f_Cs(self): return self.speaker(self.C, True)

    def f_S(self):
        """The current speaker as the subject: the name, or "ia" right after the same speaker."""
        p = self.cur
        if p.seen and self.last_speaker is p and not self.pronoun and self.rng.random() < 0.3:
            self.pronoun = True
            return "ia"
        self.pronoun = False
        return self.speaker(p, True)

    def f_Sref(self):
        return self.speaker(self.cur, False)

    # ---- format fields: bodies, places, event
    def f_org(self): return self.mention(self.org)
    def f_venue(self): return self.venue
    def f_date(self): return self.day_text(self.event_day, self.date_style)
    def f_datep(self):
        if self.date_style == 4:
            return f"pada {self.day_text(self.event_day, 4)}"
        if self.rng.random() < 0.5:
            return f"pada hari {self.day_text(self.event_day, 2)}"
        return f"pada {self.day_text(self.event_day, self.date_style)}"
    def f_event(self):
        if self.event_named:
            return self.event_ref()
        self.event_named = True
        return self.event_name
    def event_ref(self):
        r = self.rng.random()
        if self.event_short and r < 0.35:
            return f"{self.event_short} {self.rng.choice(('ini', 'tersebut'))}"
        return self.rng.choice(("kegiatan tersebut", "kegiatan ini", "acara tersebut", "acara itu", "kegiatan itu"))
    def f_eref(self): return self.event_ref()
    def f_Topic(self): return self.topic_title
    def f_topic(self): return self.topic
    def f_region(self): return self.region.name
    def f_regionf(self): return self.region.formal
    def f_py(self): return str(self.py)
    def f_ky(self): return str(self.ky)
    def f_ny(self): return str(self.pub.year + 1)
    def f_election(self): return f"Pemilu {self.py}"
    def f_pilkada(self): return f"Pilkada Serentak {self.ky}"
    def f_n(self): return str(self.n_people)
    def f_say(self): return self.rng.choice(self.g.say)
    def f_attr(self): return self.rng.choice(self.g.attr)
    def f_nya(self): return self.rng.choice(self.g.attr_nya)
    def f_orgverb(self): return self.rng.choice(self.g.org_verbs)

    # ---- format fields: content
    def f_quote(self):
        q = self.pick("quote", self.quotes)
        if self.rng.random() < 0.55:
            q += self.pick("qtail", QUOTE_TAILS)
        return self.fmt(q)

    def f_clause(self):
        c = self.pick("clause", self.clauses)
        if self.rng.random() < 0.65:
            c += self.pick("ctail", CLAUSE_TAILS)
        return self.fmt(c)

    def f_filler(self): return self.fmt(self.pick("filler", self.fillers))
    def f_target(self): return self.fmt(self.pick("target", self.grp["targets"]))
    def f_action(self): return self.fmt(self.pick("action", self.grp["actions"]))
    def f_purpose(self): return self.fmt(self.pick("purpose", self.grp["purposes"]))
    def f_hope(self): return self.pick("hope", HOPES)
    def f_law(self): return self.law_mention(0)
    def f_law2(self): return self.law_mention(1)

    def f_attendees(self):
        rng = self.rng
        items = []
        if self.C is not None and not self.C.seen:
            items.append(self.person(self.C))
        for _ in range(rng.randint(1, 3)):
            b = self.random_regional(self.region, weighted=False)
            p = Person("", "")
            p.body = b
            p.title = self.office_title(b)
            if p.title is None:
                text = f"{'unsur' if b.kind == 'forum' else 'perwakilan'} {self.mention(b)}"
            else:
                text = self.office_text(p)[0]
            if text not in items:
                items.append(text)
        if rng.random() < 0.7:
            items.append(self.fmt(self.pick("crowd", CROWDS)))
        if len(items) == 1:
            return items[0]
        if len(items) == 2:
            return f"{items[0]} {'serta' if ' dan ' in items[1] else rng.choice(('dan', 'serta'))} {items[1]}"
        last = ", serta " if " dan " in items[-1] else rng.choice((", dan ", ", serta ", " dan "))
        return ", ".join(items[:-1]) + last + items[-1]

    # ---- laws
    def make_law(self):
        """(first mention, later mention) of a law: a real one from laws.yaml's short names
        (the meaning in force on the publication date) or a random instrument."""
        rng, g, pub = self.rng, self.g, self.pub
        if rng.random() < 0.55:
            names = [n for n in GROUP_LAWS[self.group] if n in g.short_laws]
            rng.shuffle(names)
            for n in names:
                for typ, num, year, frm, until, title in g.short_laws[n]:
                    if (frm and frm > pub) or (until and until < pub):
                        continue
                    lng, acr = g.instrument.get(typ, (None, None))
                    if not lng:
                        continue
                    first = f"{lng} Nomor {num} Tahun {year}"
                    if title and rng.random() < 0.75:
                        first += f" tentang {title}"
                    later = f"{acr} {n}" if acr and rng.random() < 0.5 else f"{acr or lng} {num}/{year}"
                    return first, later
        num, year = rng.randint(1, 99), rng.randint(1999, pub.year)
        r = rng.random()
        if r < 0.2 and g.ministry_topics:
            kind = rng.choice(("Peraturan Menteri", "Surat Edaran Menteri", "Keputusan Menteri"))
            first = f"{kind} {rng.choice(g.ministry_topics)} Nomor {num} Tahun {year}"
            return first, first
        key, lng, acr = rng.choice(g.instruments)
        if key in REGIONAL_LAWS:
            want = REGIONAL_LAWS[key]
            reg = self.region
            if want and reg.kind != want:
                key = {"province": "pergub", "regency": "perbup", "city": "perwal"}[reg.kind]
                if key not in g.instrument:
                    key = "perda"
                lng, acr = g.instrument.get(key, ("Peraturan Daerah", "Perda"))
            where = reg.formal if key == "perda" else reg.name
            first = f"{lng} {where} Nomor {num} Tahun {year}"
            return first, f"{acr or lng} {reg.name} {num}/{year}"
        first = f"{lng} Nomor {num} Tahun {year}"
        return first, (f"{acr} {num}/{year}" if acr else first)

    def law_mention(self, i: int) -> str:
        law = self.laws[i]
        if law[2]:
            return law[1]
        law[2] = True
        return law[0]

    # ---- the article
    def setup(self):
        g, rng = self.g, self.rng
        self.families = []
        self.pub = date.fromordinal(g.day0 + rng.randrange(g.ndays))
        self.event_day = date.fromordinal(self.pub.toordinal() - rng.choice((0, 0, 0, 1, 1, 2, 3, 5)))
        self.date_style = rng.choice((0, 0, 1, 2, 2, 3, 4, 4))
        self.py = 2019 if self.pub < date(2019, 4, 18) else 2024
        self.ky = 2020 if self.pub < date(2020, 12, 10) else 2024
        self.group = rng.choices([x for x, _ in GROUP_WEIGHTS], [w for _, w in GROUP_WEIGHTS])[0]
        grp = self.grp = GROUPS[self.group]
        self.quotes = grp["quotes"] + GENERIC_QUOTES
        self.clauses = grp["clauses"] + GENERIC_CLAUSES
        self.fillers = grp["fillers"] + GENERIC_FILLERS
        t = rng.choice(grp["topics"])
        self.topic_title, self.topic = self.fmt(t[0]), self.fmt(t[1])
        while True:
            kind, long, short = rng.choice(g.events)
            if self.group in EVENT_GROUPS.get(kind, (self.group,)):
                break
        self.event_short = short
        self.event_name = f"{long} ({short}) {self.topic_title}" if short and rng.random() < 0.5 else \
            f"{long} {self.topic_title}"
        self.event_title = f"{short or long} {self.topic_title}"
        self.event_kind = short or long
        self.event_named = False
        self.n_people = rng.randrange(40, 400, 5)

        # the home region, the organizer, the speakers
        national = rng.random() < 0.25
        if national:
            pool = [a for a in g.national if a[3] in GROUP_NATIONAL.get(self.group, ())]
            if pool and rng.random() < 0.6:
                agency = rng.choice(pool)
            else:
                agency = rng.choices(g.national, g.national_w)[0]
            self.org = self.national_body(agency)
            self.region = rng.choice(g.capital_cities) if rng.random() < 0.4 else rng.choice(g.regions)
        else:
            self.region = rng.choice(g.regions)
            kinds = GROUP_REGIONAL.get(self.group, ()) if rng.random() < 0.6 else ()
            self.org = self.random_regional(self.region, kinds=kinds)
            if self.org.region is not None:
                self.region = self.org.region
        region = self.region
        gov = self.regional_body(g.gov_units[region.kind], region)
        titled = national or self.office_title(self.org) is not None
        if titled and (national or rng.random() < 0.6):
            self.A = self.new_person(self.org)
        else:
            self.A = self.new_person(gov)
        if national or rng.random() < 0.5:
            self.B = self.new_person(gov if national else self.random_regional(region, titled=True))
        else:
            other = rng.choices(g.national, g.national_w)[0]
            self.B = self.new_person(self.national_body(other))
        self.C = self.new_person(self.random_regional(region, titled=True)) if rng.random() < 0.5 else None
        self.cur = self.A
        self.laws = [list(self.make_law()) + [False], list(self.make_law()) + [False]]

        vr = rng.random()
        place = region.formal if region.kind != "city" else f"Kota {region.name}"
        if vr < 0.3:
            self.venue = f"Aula {self.org.short}"
        elif vr < 0.5:
            self.venue = f"Hotel {rng.choice(HOTELS)}, {place}"
        elif region.kind == "regency":
            self.venue = rng.choice((f"Aula Kantor Bupati {region.name}", f"Pendopo {region.formal}",
                                     f"Gedung Serbaguna {g.setda_acr} {region.formal}"))
        elif region.kind == "city":
            self.venue = rng.choice((f"Balai Kota {region.name}", f"Aula Kantor Wali Kota {region.name}",
                                     f"Ruang Rapat {g.setda_acr} Kota {region.name}"))
        else:
            self.venue = rng.choice((f"Aula Kantor Gubernur {region.name}", f"Gedung Serbaguna {g.setda_acr} {region.formal}"))

    def sentence(self, templates) -> tuple[str, bool]:
        """A sentence from one of the templates; and whether it named nobody for the first
        time (so it may be dropped to fit the length)."""
        before = self.firsts
        key = id(templates)                                         # the module-level list itself
        if key not in _ALLOWED:
            _ALLOWED[key] = (tuple(range(len(templates))),
                             tuple(i for i, t in enumerate(templates)
                                   if "{nya}" not in t and not t.startswith(("Ia ", "Menurutnya"))))
        # "ujarnya", "Ia ...", "Menurutnya" need a speaker who was just named
        allowed = _ALLOWED[key][0 if self.cur.seen and self.last_speaker is self.cur else 1]
        used = self.used.setdefault(key, [])
        i = self.rng.choice([i for i in allowed if i not in used] or allowed)
        used.append(i)
        t = templates[i]
        s = self.fmt(t)
        return s[0].upper() + s[1:], self.firsts == before

    def build(self):
        rng = self.rng
        self.setup()
        sents = [self.sentence(LEDE)[0]]
        # removable[i]: sentence i may be dropped to fit the length (it introduces nobody)
        removable = [False]
        if rng.random() < 0.5:
            sents.append(self.sentence(LEDE2)[0])
            removable.append(False)
        lede_len = len(sents)
        target = rng.randint(1600, 3000)
        total = sum(len(s) + 1 for s in sents)
        switched = False
        plan_b = rng.randint(4, 9)
        caps = {"quote": 7, "reported": 7, "appeal": 2, "law": 2, "filler": 4, "attend": 1, "third": 1}
        moves = [("quote", 0.30), ("reported", 0.26), ("appeal", 0.08), ("law", 0.09), ("attend", 0.08),
                 ("third", 0.06), ("filler", 0.13)]
        names, weights = [m for m, _ in moves], [w for _, w in moves]
        count = dict.fromkeys(caps, 0)
        while (total < target and len(sents) < MAX_SENT - 1) or len(sents) < MIN_SENT - 1:
            if not switched and len(sents) >= plan_b:
                self.cur = self.B
                switched = True
                s, rem = self.sentence(SWITCH)
            else:
                if switched and rng.random() < 0.25:
                    others = [p for p in (self.A, self.B, self.C) if p is not None and p.seen and p is not self.cur]
                    if others:
                        self.cur = rng.choice(others)
                open_ = [(m, w) for m, w in zip(names, weights) if count[m] < caps[m]
                         and (m != "third" or (self.C is not None and not self.C.seen))] or [("quote", 1)]
                move = rng.choices([m for m, _ in open_], [w for _, w in open_])[0]
                count[move] = count.get(move, 0) + 1
                if move == "quote":
                    s, rem = self.sentence(QUOTE if self.cur.seen else QUOTE_FIRST)
                elif move == "reported":
                    s, rem = self.sentence(REPORTED)
                elif move == "appeal":
                    s, rem = self.sentence(APPEAL)
                elif move == "law":
                    s, rem = self.sentence(LAW)
                elif move == "attend":
                    s, rem = self.sentence(ATTEND)
                elif move == "third":
                    self.cur = self.C
                    s, rem = self.sentence(THIRD)
                else:
                    s, rem = self.sentence(FILLER)
            sents.append(s)
            removable.append(rem)
            total += len(s) + 1
        sents.append(self.sentence(CLOSING)[0])
        removable.append(False)

        furniture = self.furniture()
        for _ in range(40):
            text = self.assemble(sents, lede_len, furniture)
            n = len(text)
            if n > MAX_CHARS and len(sents) > MIN_SENT:
                idx = [i for i, r in enumerate(removable) if r]
                if idx:
                    i = idx[-1]
                    del sents[i], removable[i]
                    continue
                furniture = []
            elif n < MIN_CHARS and len(sents) < MAX_SENT:
                sents.insert(len(sents) - 1, self.sentence(FILLER)[0])
                removable.insert(len(removable) - 1, True)
                continue
            elif (n > MAX_CHARS or n < MIN_CHARS) and furniture:
                furniture = []
                continue
            break
        return self.title(), text, MIN_CHARS <= len(text) <= MAX_CHARS

    def assemble(self, sents, lede_len, furniture) -> str:
        rng = random.Random(len(sents) * 7919 + self.index)     # same layout for the same sentences
        n = len(sents)
        body = n - lede_len
        k = min(6, max(2, round(body / rng.uniform(2.4, 4.4))), body)
        sizes = [1] * k
        for _ in range(body - k):
            sizes[rng.randrange(k)] += 1
        paras = [" ".join(sents[:lede_len])]
        i = lede_len
        for size in sizes:
            paras.append(" ".join(sents[i:i + size]))
            i += size
        if self.dateline:
            paras[0] = self.dateline + paras[0]
        out = []
        for i, para in enumerate(paras):
            out.append(para)
            for where, line in furniture:
                if where == i and i < len(paras) - 1:
                    out.append(line)
        for where, line in furniture:
            if where < 0:
                out.append(line)
        return "\n\n".join(out)

    def furniture(self):
        rng = self.rng
        items = []
        self.dateline = ""
        r = rng.random()
        if r < 0.25:
            self.dateline = f"{self.region.name.upper()} – "
        elif r < 0.4:
            self.dateline = f"{self.region.name}, {self.publisher} - "
        if rng.random() < 0.35:
            items.append((rng.randint(1, 3), f"Baca Juga: {self.other_title()}"))
        if rng.random() < 0.2:
            items.append((rng.randint(1, 4), rng.choice(("ADVERTISEMENT", "SCROLL TO CONTINUE WITH CONTENT", "Advertisement"))))
        if rng.random() < 0.35:
            who = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
            items.append((-1, rng.choice((f"Editor: {who}", f"Pewarta: {who}", f"Penulis: {who}", "(adv)", "(*)"))))
        return items

    def other_title(self) -> str:
        rng, g = self.rng, self.g
        unit = rng.choice(g.units)
        reg = rng.choice(g.regions)
        b = self.regional_body(unit, reg)
        grp = GROUPS[rng.choice(list(GROUPS))]
        topic = rng.choice(grp["topics"])[0].format(py=self.py, ky=self.ky, ny=self.pub.year + 1)
        return f"{b.short} {rng.choice(('Gelar', 'Perkuat', 'Tingkatkan', 'Bahas', 'Evaluasi'))} {topic}"

    def title(self) -> str:
        rng = self.rng
        a = self.A
        office = a.office
        tpl = rng.choice([t for t in TITLES if (office or "{office}" not in t)
                          and (self.group == "pemilu" or "{election}" not in t)])
        return tpl.format(org=self.org.short, ev=self.event_title, evk=self.event_kind, Topic=self.topic_title, office=office,
                          short=a.short, election=f"Pemilu {self.py}", region=self.region.name,
                          verb=rng.choice(("Gelar", "Adakan", "Laksanakan")),
                          target=rng.choice(("ASN", "Masyarakat", "Jajaran", "Peserta", "Perangkat Daerah")))


# --------------------------------------------------------------------------- templates
_ALLOWED: dict = {}                # id(template list) -> (all indices, those needing no named speaker)
# Fields: {org} organizer, {A}/{B}/{C} people (first mention long), {As} subject form,
# {S}/{Sref} the current speaker, {event} the event (long once, then "kegiatan tersebut"),
# {date} "Senin (12/2/2024)", {datep} "pada 3 Maret 2024", {venue}, {quote}, {clause} ...

LEDE = [
    "{org} {orgverb} {event} di {venue}, {date}.",
    "{org} {orgverb} {event} yang berlangsung di {venue}, {date}.",
    "{event} yang digelar {org} di {venue}, {date}, dibuka secara resmi oleh {A}.",
    "{As} membuka {event} yang diselenggarakan oleh {org} di {venue}, {date}.",
    "Dalam rangka {purpose}, {org} {orgverb} {event} bertempat di {venue} {datep}.",
    "Sebanyak {n} peserta mengikuti {event} yang diadakan {org} di {venue}, {date}.",
    "Bertempat di {venue}, {org} {orgverb} {event} {datep}.",
    "{As} memimpin langsung {event} yang digelar {org} di {venue} {datep}.",
]
LEDE2 = [
    "Kegiatan ini bertujuan untuk {purpose} serta menyamakan persepsi seluruh pemangku kepentingan di {regionf}.",
    "Kegiatan tersebut mengusung tema “{Topic} untuk {region} yang Lebih Baik” dan menghadirkan sejumlah narasumber.",
    "Kegiatan yang berlangsung selama {days} itu diikuti oleh {n} peserta dari berbagai instansi di {regionf}.",
    "Kegiatan tersebut dibuka oleh {A} dan diikuti oleh {n} peserta.",
]
SWITCH = [
    "Sementara itu, {Bs} {say}, {clause}.",
    "Di tempat yang sama, {Bs} {say} bahwa {clause}.",
    "Hadir sebagai narasumber, {B} memaparkan materi tentang {topic}.",
    "Sementara itu, {Bs} dalam paparannya menekankan pentingnya {topic}.",
    "“{quote},” {attr} {B} saat menyampaikan materi.",
    "Pada kesempatan yang sama, {B} menjelaskan bahwa {clause}.",
]
THIRD = [
    "{Cs} yang turut hadir {say}, {clause}.",
    "Senada dengan itu, {Cs} {say} bahwa {clause}.",
    "“{quote},” {attr} {C} yang juga hadir dalam kegiatan itu.",
]
QUOTE_FIRST = [
    "“{quote},” {attr} {Sref}.",
    "{S} {say}, “{quote}.”",
]
QUOTE = [
    "“{quote},” {attr} {Sref}.",
    "“{quote},” {nya}.",
    "“{quote},” {attr} {Sref}, {date}.",
    "{S} {say}, “{quote}.”",
    "“{quote}. Itu yang terus kami tekankan,” {attr} {Sref}.",
    "“{quote},” {attr} {Sref} di hadapan peserta.",
    "“{quote},” {attr} {Sref} saat ditemui di sela-sela kegiatan.",
    "“{quote},” {attr} {Sref} kepada wartawan usai kegiatan.",
]
REPORTED = [
    "{S} {say}, {clause}.",
    "Menurut {Sref}, {clause}.",
    "Lebih lanjut, {S} {say} bahwa {clause}.",
    "Dalam kesempatan tersebut, {S} juga {say}, {clause}.",
    "Dalam sambutannya, {S} {say} bahwa {clause}.",
    "{S} menambahkan, {clause}.",
    "Selain itu, menurut {Sref}, {clause}.",
    "Di sisi lain, {S} {say} bahwa {clause}.",
    "{S} juga {say} bahwa {clause}.",
    "Ditemui usai kegiatan, {S} {say}, {clause}.",
    "Menurutnya, {clause}.",
]
APPEAL = [
    "{S} mengimbau {target} untuk {action} demi {purpose}.",
    "{S} juga mengajak {target} agar {action}, mengingat tantangan ke depan semakin berat.",
    "Pada kesempatan itu, {S} meminta {target} untuk {action}, serta tidak ragu berkoordinasi apabila menemui kendala.",
    "Ia mengingatkan {target} agar senantiasa {action} dalam setiap situasi.",
]
LAW = [
    "Hal tersebut, menurut {Sref}, sesuai dengan ketentuan dalam {law}.",
    "{S} menjelaskan, ketentuan mengenai {topic} telah diatur secara jelas dalam {law}.",
    "Menurut {Sref}, pelaksanaan {topic} merujuk pada {law} serta {law2}.",
    "Sebagaimana diamanatkan {law}, seluruh pihak wajib menjalankan ketentuan tersebut tanpa terkecuali.",
    "Dasar hukum pelaksanaan kegiatan ini adalah {law} dan {law2}.",
    "Sanksi bagi pelanggar, lanjut {Sref}, mengacu pada {law}, mulai dari teguran tertulis hingga pemberhentian.",
    "“Semua sudah diatur dalam {law}, jadi tidak ada alasan untuk tidak mematuhinya,” {attr} {Sref}.",
]
ATTEND = [
    "Kegiatan ini dihadiri oleh {attendees}.",
    "Turut hadir dalam acara tersebut {attendees}.",
    "Tampak hadir {attendees}.",
    "{event} turut dihadiri oleh {attendees}.",
    "Peserta kegiatan terdiri atas {attendees}.",
]
FILLER = [
    "{filler}",
    "{filler}",
    "{filler}",
    "{filler}",
    "Dalam {eref}, peserta mendapat pemahaman yang lebih utuh mengenai {topic} beserta contoh-contoh kasus yang pernah terjadi.",
    "{eref} berlangsung hingga siang hari dengan sesi diskusi yang cukup hidup, terutama saat membahas {topic}.",
    "Para peserta tampak antusias mengikuti pemaparan materi tentang {topic} dan mengajukan sejumlah pertanyaan kepada narasumber.",
]
CLOSING = [
    "“{quote},” pungkas {Sref}.",
    "{S} berharap {hope}, sehingga manfaatnya benar-benar dirasakan oleh masyarakat.",
    "“Kami berharap {hope},” tutup {Sref}.",
    "Kegiatan ditutup dengan sesi tanya jawab, penyerahan cendera mata kepada narasumber, dan foto bersama.",
    "Di akhir kegiatan, {S} berharap {hope}.",
]
TITLES = [
    "{org} {verb} {ev}",
    "{office} Buka {ev}",
    "Jelang {election}, {org} {verb} {ev}",
    "{org} Ajak {target} Dukung {Topic}",
    "{ev}, {office} Tekankan Sinergi",
    "Bahas {Topic}, {org} {verb} {evk}",
    "{office} Ingatkan {target} soal {Topic}",
    "{org} Perkuat {Topic} di {region}",
]


def _days(self):
    d = self.rng.choice((1, 2, 2, 3))
    return {1: "satu hari", 2: "dua hari", 3: "tiga hari"}[d]


Article.f_days = _days


# --------------------------------------------------------------------------- output

def make_article(g: Gazetteer, seed: int, i: int) -> dict:
    for attempt in range(20):
        rng = random.Random(f"{seed}:{i}" if attempt == 0 else f"{seed}:{i}:{attempt}")
        a = Article(g, rng, i)
        a.publisher = rng.choice(PUBLISHERS)
        title, text, ok = a.build()
        if ok:
            break
    pub = a.pub
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:80]
    pslug = a.publisher.lower().replace(" ", "")
    return {"id": f"syn-{seed}-{i:07d}", "title": title, "published": pub.isoformat(), "publisher": a.publisher,
            "url": f"https://example.invalid/{pslug}/{pub.year}/{pub.month:02d}/{pub.day:02d}/{slug}-{i}",
            "text": text}


_G: Gazetteer | None = None
BATCH = 250


def _init_worker() -> None:
    global _G
    _G = Gazetteer()


def render(task: tuple[int, int, int, str]) -> list[bytes]:
    """Articles start..stop-1 as the bytes of their JSON lines or .txt files."""
    seed, start, stop, fmt = task
    out = []
    for i in range(start, stop):
        art = make_article(_G, seed, i)
        if fmt == "jsonl":
            out.append((json.dumps(art, ensure_ascii=False) + "\n").encode("utf-8"))
        else:
            out.append(f"{art['title']}\n\n{art['text']}\n".encode("utf-8"))
    return out


def batches(n: int, seed: int, fmt: str, jobs: int):
    """The rendered batches in article order. With several jobs, a bounded window of batches
    is in flight in worker processes (memory stays flat); the output does not depend on jobs."""
    tasks = ((seed, s, min(s + BATCH, n), fmt) for s in range(0, n, BATCH))
    if jobs <= 1 or n <= BATCH:
        _init_worker()
        yield from map(render, tasks)
        return
    import multiprocessing as mp
    from collections import deque
    with mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn").Pool(
            jobs, initializer=_init_worker) as pool:
        window = deque()
        for task in tasks:
            window.append(pool.apply_async(render, (task,)))
            if len(window) >= jobs * 4:
                yield window.popleft().get()
        while window:
            yield window.popleft().get()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, required=True, help="number of articles")
    ap.add_argument("--out", required=True, help="output folder (created if missing)")
    ap.add_argument("--seed", type=int, required=True, help="random seed")
    ap.add_argument("--format", choices=("jsonl", "txt"), default="jsonl")
    ap.add_argument("--jobs", type=int, default=min(os.cpu_count() or 1, 8),
                    help="worker processes (default: the CPU count, at most 8); the output is the same for any value")
    args = ap.parse_args(argv)
    if args.articles < 0:
        ap.error("--articles must be >= 0")
    t0 = time.perf_counter()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    n, files, total, i = args.articles, 0, 0, 0
    width = max(6, len(str(max(n - 1, 0))))
    f = None
    try:
        for batch in batches(n, args.seed, args.format, args.jobs):
            for data in batch:
                if args.format == "jsonl":
                    if i % PER_FILE == 0:
                        if f:
                            f.close()
                        f = open(out / f"corpus-{i // PER_FILE:03d}.jsonl", "wb", buffering=1 << 20)
                        files += 1
                    f.write(data)
                else:
                    with open(out / f"{i:0{width}d}.txt", "wb") as t:
                        t.write(data)
                    files += 1
                total += len(data)
                i += 1
    finally:
        if f:
            f.close()
    secs = time.perf_counter() - t0
    print(f"articles={n} files={files} bytes={total} seconds={secs:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
