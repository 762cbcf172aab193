"""Import files for the desktop tests: bilingual, with one long transcript."""

LONG_TRANSCRIPT = (
    "客服：“您好，欢迎致电24小时真人客服热线。” I asked about the dishwasher installation; "
    "她说购买后3天内免费上门安装，如果今天不能解决，我们会在15分钟内给您回电。"
    "Nobody called back that evening, so I called again at 23:00 and only a robot answered. "
    "第二天早上十点才有真人回电，说师傅下周才有空。"
)

SMALL_FILES = {
    "touchpoints": "key,name,channel,location\nhotline,客服热线 Hotline,phone,上海\nweb,官网 Website,website,\n",
    "promises": (
        "key,text,touchpoints,dimension,metric,operator,target,unit,breach_cues,weight\n"
        "P-24H,24/7 customer service 全天候客服,*,responsiveness,,,,,机器人;only a robot,4\n"
        "P-CALLBACK,15分钟内回电,hotline,responsiveness,callback_time,<=,15,min,,5\n"
    ),
    "scripts": "key,touchpoint,text,kind\nS-1,hotline,您好，欢迎致电,required\nS-2,web,退货只有7天,禁说\n",
    "observations": (
        "key,touchpoint,observed_at,shopper,transcript,nps,measure:callback_time\n"
        f'V-001,hotline,2026-11-03 21:40,王芳,"{LONG_TRANSCRIPT}",3,两个半小时\n'
        "V-002,web,2026/11/4 10:15,Li Wei,Chat answered in a minute.,9,\n"
        "V-003,hotline,2026年11月5日 09:00,王芳,只有机器人回复，没有真人。,2,\n"
    ),
}
SMALL_COUNTS = {"touchpoints": 2, "promises": 2, "script_lines": 2, "observations": 3}
